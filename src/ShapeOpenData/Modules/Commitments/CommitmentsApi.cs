using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Api;

namespace ShapeOpenData.Modules.Commitments;

/// <summary><c>/api/v1/plans</c> and <c>/api/v1/commitments</c>: every plan and commitment is public, with milestones, updates and assessments.</summary>
public static class CommitmentsApi
{
    public static void Map(WebApplication app)
    {
        var plans = app.MapGroup("/api/v1/plans").WithTags("Commitments");
        plans.MapGet("", ListPlansAsync).WithName("ListPlans").WithSummary("Engagement plans")
            .WithDescription("Every organisation's engagement plans, newest first, with how many of their commitments are at each completion level.");
        plans.MapGet("{slug}", ShowPlanAsync).WithName("GetPlan").WithSummary("One engagement plan, with its commitments");

        var commitments = app.MapGroup("/api/v1/commitments").WithTags("Commitments");
        commitments.MapGet("", ListCommitmentsAsync).WithName("ListCommitments").WithSummary("Commitments")
            .WithDescription("Commitments, soonest ending first, with milestones, progress updates and independent assessments. overdue and starred are derived from the dates and the latest assessment.");
        commitments.MapGet("{reference}", ShowCommitmentAsync).WithName("GetCommitment").WithSummary("One commitment");
    }

    public sealed record PlanResponse(
        string Slug, string Title, string Summary, OrganisationRef Organisation, DateOnly StartsOn, DateOnly EndsOn,
        IReadOnlyDictionary<string, int> CommitmentsByCompletion, IReadOnlyList<string> Commitments, string Url);

    private static async Task<Results<Ok<Paged<PlanResponse>>, ValidationProblem>> ListPlansAsync(
        [Description("An organisation's slug: only its plans.")] string? organisation,
        [Description(Paging.PageDescription)] int? page,
        [Description(Paging.PageSizeDescription)] int? pageSize,
        AppDbContext db, CancellationToken cancellationToken)
    {
        if (Paging.Check(page, pageSize) is { } invalid) return invalid;
        var query = db.EngagementPlans.AsNoTracking();
        if (organisation is not null)
        {
            query = query.Where(p => db.Organisations.Any(o => o.Id == p.OrganisationId && o.Slug == organisation));
        }
        var found = await Paging.PageAsync(query.OrderByDescending(p => p.StartsOn).ThenBy(p => p.Slug), page, pageSize, cancellationToken);
        return TypedResults.Ok(new Paged<PlanResponse>(await RespondAsync(found.Items, db, cancellationToken), found.Page, found.PageSize, found.Total));
    }

    private static async Task<Results<Ok<PlanResponse>, ProblemHttpResult>> ShowPlanAsync(
        [Description("The plan's slug.")] string slug, AppDbContext db, CancellationToken cancellationToken) =>
        await db.EngagementPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken) is { } plan
            ? TypedResults.Ok((await RespondAsync([plan], db, cancellationToken))[0])
            : ApiModule.NotFound($"There is no plan '{slug}'");

    private static async Task<Results<Ok<Paged<CommitmentResponse>>, ValidationProblem>> ListCommitmentsAsync(
        [Description("An organisation's slug: commitments it leads or supports.")] string? organisation,
        [Description("A plan's slug: only its commitments.")] string? plan,
        [Description("Only this completion level: not_started, limited, substantial or complete.")] string? completion,
        [Description("true: only overdue commitments (a milestone past its due date, or past the end date and not complete); false: only the others.")] bool? overdue,
        [Description(Paging.PageDescription)] int? page,
        [Description(Paging.PageSizeDescription)] int? pageSize,
        CommitmentReadModel commitments, CancellationToken cancellationToken)
    {
        if (Paging.Check(page, pageSize) is { } invalid) return invalid;
        Completion? level = null;
        if (completion is not null)
        {
            if (!Codes.TryParse<Completion>(completion, out var parsed)) return ApiModule.Invalid("completion", "Use a completion level: " + Codes.List<Completion>());
            level = parsed;
        }
        var query = commitments.Filtered(new CommitmentFilter(organisation, plan, level, overdue));
        var (number, size) = (page ?? 1, pageSize ?? Paging.DefaultPageSize);
        var total = await query.CountAsync(cancellationToken);
        var items = await commitments.ReadAsync(query.Skip((number - 1) * size).Take(size), cancellationToken);
        return TypedResults.Ok(new Paged<CommitmentResponse>(items, number, size, total));
    }

    private static async Task<Results<Ok<CommitmentResponse>, ProblemHttpResult>> ShowCommitmentAsync(
        [Description("The commitment's reference, like UK-16-05.")] string reference, CommitmentReadModel commitments, CancellationToken cancellationToken) =>
        await commitments.FindAsync(reference, cancellationToken) is { } found
            ? TypedResults.Ok(found)
            : ApiModule.NotFound($"There is no commitment '{reference}'");

    private static async Task<IReadOnlyList<PlanResponse>> RespondAsync(IReadOnlyList<EngagementPlan> plans, AppDbContext db, CancellationToken cancellationToken)
    {
        var ids = plans.Select(p => p.Id).ToList();
        var commitments = await db.Commitments.AsNoTracking().Where(c => ids.Contains(c.PlanId)).OrderBy(c => c.Reference)
            .Select(c => new { c.PlanId, c.Reference, c.Completion }).ToListAsync(cancellationToken);
        var organisationIds = plans.Select(p => p.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new OrganisationRef(o.Slug, o.Name), cancellationToken);
        return [.. plans.Select(p =>
        {
            var held = commitments.Where(c => c.PlanId == p.Id).ToList();
            return new PlanResponse(p.Slug, p.Title, p.Summary, organisations[p.OrganisationId], p.StartsOn, p.EndsOn,
                CommitmentRules.Rollup(held.Select(c => c.Completion)).ToDictionary(r => r.Level.ToCode(), r => r.Count),
                [.. held.Select(c => c.Reference)], PlanWorkflow.UrlOf(p.Slug));
        })];
    }
}
