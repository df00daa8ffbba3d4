using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Api;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>
/// <c>/api/v1/consultations</c>: consultations, each with its counts, versions and outcome, and the sections of any
/// version of its document. Drafts are seen only by those who run them, as on the pages; to anyone else they do not
/// exist (404). Statements, votes and groups are answered by their own endpoints under the same address.
/// </summary>
public static partial class ConsultationsApi
{
    public static void Map(WebApplication app)
    {
        var consultations = app.MapGroup("/api/v1/consultations").WithTags("Consultations");
        consultations.MapGet("", ListAsync).WithName("ListConsultations").WithSummary("Consultations")
            .WithDescription("Published consultations, most recently started first; drafts too for those who run them (send your API token).");
        consultations.MapGet("{slug}", ShowAsync).WithName("GetConsultation").WithSummary("One consultation, with its counts, versions and outcome")
            .WithDescription("outcome is null until it is published. counts are of what everyone may see.");
        consultations.MapGet("{slug}/sections", SectionsAsync).WithName("GetConsultationSections").WithSummary("The sections of its document")
            .WithDescription("The latest version's sections, or another version's with version=n. Published versions are never changed.");
    }

    private static async Task<Results<Ok<Paged<ConsultationListItem>>, ValidationProblem>> ListAsync(
        [Description("Only this state: draft, open, closed or outcome_published.")] string? state,
        [Description("Only those owned by this organisation (its slug).")] string? organisation,
        [Description(Paging.PageDescription)] int? page,
        [Description(Paging.PageSizeDescription)] int? pageSize,
        ClaimsPrincipal viewer, AppDbContext db, CancellationToken cancellationToken)
    {
        if (Paging.Check(page, pageSize) is { } invalid) return invalid;
        var query = db.Consultations.AsNoTracking().Where(ConsultationPermissions.VisibleTo(viewer));
        if (!string.IsNullOrEmpty(state))
        {
            if (!Codes.TryParse<ConsultationState>(state, out var wanted))
            {
                return ApiModule.Invalid("state", $"Use a state: {string.Join(", ", Codes.All<ConsultationState>().Select(s => s.ToCode()))}");
            }
            query = query.Where(c => c.State == wanted);
        }
        if (!string.IsNullOrEmpty(organisation))
        {
            query = query.Where(c => db.Organisations.Any(o => o.Id == c.OrganisationId && o.Slug == organisation));
        }
        var found = await Paging.PageAsync(
            from c in query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            join o in db.Organisations on c.OrganisationId equals o.Id
            select new
            {
                c.Slug, c.Title, c.State, Organisation = o.Slug, OrganisationName = o.Name, c.ClosesOn, c.OpenedAt, c.ClosedAt,
                Latest = db.DocumentVersions.Where(v => v.ConsultationId == c.Id).Max(v => (int?)v.Number) ?? 1,
            }, page, pageSize, cancellationToken);
        return TypedResults.Ok(new Paged<ConsultationListItem>([.. found.Items.Select(c => new ConsultationListItem(
            c.Slug, c.Title, c.State.ToCode(), c.Organisation, c.OrganisationName, c.ClosesOn, ConsultationTimes.EndOfUkDay(c.ClosesOn),
            c.OpenedAt, c.ClosedAt, c.Latest, ConsultationWorkflow.UrlOf(c.Slug)))], found.Page, found.PageSize, found.Total));
    }

    private static async Task<Results<Ok<ConsultationDetail>, ProblemHttpResult>> ShowAsync(
        [Description("The consultation's slug.")] string slug, ClaimsPrincipal viewer, AppDbContext db, OutcomeCounts counts, CancellationToken cancellationToken)
    {
        if (await FindAsync(slug, viewer, db, cancellationToken) is not { } found)
        {
            return ApiModule.NotFound($"There is no consultation '{slug}'");
        }
        var (c, organisation) = found;
        var url = ConsultationWorkflow.UrlOf(c.Slug);
        var versions = await db.DocumentVersions.AsNoTracking().Where(v => v.ConsultationId == c.Id).OrderBy(v => v.Number)
            .Select(v => new VersionResponse(v.Number, v.PublishedAt, v.Note, url + "/versions/" + v.Number)).ToListAsync(cancellationToken);
        var figures = await counts.CountAsync(c.Id, cancellationToken);
        OutcomeResponse? outcome = null;
        if (c.Outcome is { } published)
        {
            var changes = await db.OutcomeChanges.AsNoTracking().Where(o => o.ConsultationId == c.Id).OrderBy(o => o.Number).ToListAsync(cancellationToken);
            outcome = new OutcomeResponse(published.YouSaid, published.WeDid, published.PublishedAt, [.. changes.Select(o => new OutcomeChangeResponse(
                o.Number, o.Text, o.VersionNumber,
                o.VersionNumber is { } n ? $"{url}/versions/{n}" : null,
                o.VersionNumber is { } m && m > 1 ? $"{url}/versions/compare?from={m - 1}&to={m}" : null))], url + "/outcome");
        }
        return TypedResults.Ok(new ConsultationDetail(
            c.Slug, c.Title, c.Summary, c.State.ToCode(), organisation.Slug, organisation.Name, c.ClosesOn, c.ClosesAt, c.OpenedAt, c.ClosedAt,
            c.ModerateStatements,
            new ConsultationCounts(figures.Participants, figures.Responses, figures.Comments, figures.Statements, figures.Votes, figures.OpinionGroups),
            versions.Count == 0 ? 1 : versions[^1].Number, versions, outcome, c.CreatedAt, c.UpdatedAt, url));
    }

    private static async Task<Results<Ok<DocumentResponse>, ProblemHttpResult, ValidationProblem>> SectionsAsync(
        [Description("The consultation's slug.")] string slug,
        [Description("Which version, from 1; the latest when left out.")] int? version,
        ClaimsPrincipal viewer, AppDbContext db, CancellationToken cancellationToken)
    {
        if (version is < 1) return ApiModule.Invalid("version", "version must be 1 or more");
        if (await FindAsync(slug, viewer, db, cancellationToken) is not { } found)
        {
            return ApiModule.NotFound($"There is no consultation '{slug}'");
        }
        var c = found.Consultation;
        var latest = await db.DocumentVersions.Where(v => v.ConsultationId == c.Id).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 1;
        var number = version ?? latest;
        var document = await db.DocumentVersions.AsNoTracking().Include(v => v.Sections.OrderBy(s => s.Number))
            .SingleOrDefaultAsync(v => v.ConsultationId == c.Id && v.Number == number, cancellationToken);
        if (document is null)
        {
            return ApiModule.NotFound($"There is no version {number} of '{slug}': its latest is version {latest}");
        }
        var url = $"{ConsultationWorkflow.UrlOf(c.Slug)}/versions/{number}";
        return TypedResults.Ok(new DocumentResponse(number, document.PublishedAt, document.Note, number == latest,
            [.. document.Sections.Select(s => new SectionResponse(s.Number, s.Heading, s.Body, c.IsPublished ? $"{url}/sections/{s.Number}" : null))],
            c.IsPublished ? url : ConsultationWorkflow.UrlOf(c.Slug)));
    }

    private sealed record Found(Consultation Consultation, (string Slug, string Name) Organisation);

    /// <summary>The consultation, when the viewer may see it.</summary>
    private static async Task<Found?> FindAsync(string slug, ClaimsPrincipal viewer, AppDbContext db, CancellationToken cancellationToken)
    {
        var found = await db.Consultations.AsNoTracking().Where(c => c.Slug == slug)
            .Join(db.Organisations, c => c.OrganisationId, o => o.Id, (c, o) => new { Consultation = c, o.Slug, o.Name })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null || !ConsultationPermissions.CanSee(viewer, found.Consultation) ? null : new Found(found.Consultation, (found.Slug, found.Name));
    }
}
