using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Comments;
using ShapeOpenData.Modules.Follows;
using ShapeOpenData.Modules.Shared;

namespace ShapeOpenData.Modules.Consultations;

/// <summary>How consultations plug into the foundation: followed, commented on (and followed) by section, found, traced and counted.</summary>
internal static class ConsultationContributions
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<IFollowable, ConsultationItems>();
        services.AddScoped<SectionItems>();
        services.AddScoped<ICommentable>(s => s.GetRequiredService<SectionItems>());
        services.AddScoped<IFollowable>(s => s.GetRequiredService<SectionItems>());
        services.AddScoped<ConsultationTraces>();
        services.AddScoped<ITraceable>(s => s.GetRequiredService<ConsultationTraces>());
        services.AddScoped<ISearchable>(s => s.GetRequiredService<ConsultationTraces>());
        services.AddScoped<ITraceable, DocumentVersionTraces>();
        services.AddScoped<ITraceable, StatementTraces>();
        services.AddScoped<ITraceable, ResponseTraces>();
        services.AddSingleton<ISearchSource, ConsultationSearch>();
        services.AddSingleton<ISearchSource, StatementSearch>();
        services.AddScoped<IKeptLinks, ChangesMadeInVersions>();
        services.AddScoped<IOutcomeKind, DocumentVersionOutcomes>();
        services.AddScoped<ICountable, ConsultationFigures>();
        services.AddScheduledWork("closed consultations at the end of their closing day", TimeSpan.FromMinutes(1), (s, ct) => s.GetRequiredService<ConsultationWorkflow>().CloseDueAsync(ct));
    }
}

internal sealed class ConsultationItems(AppDbContext db) : IFollowable
{
    public string Type => ConsultationsModule.ItemType;

    public async Task<bool> CanSeeAsync(int id, ClaimsPrincipal person, CancellationToken cancellationToken) =>
        await db.Consultations.FindAsync([id], cancellationToken) is { } consultation && ConsultationPermissions.CanSee(person, consultation);

    public async Task<(string Title, string Url)?> DescribeAsync(int id, CancellationToken cancellationToken) =>
        await db.Consultations.Where(c => c.Id == id).Select(c => new { c.Title, c.Slug }).SingleOrDefaultAsync(cancellationToken) is { } c
            ? (c.Title, ConsultationWorkflow.UrlOf(c.Slug))
            : null;
}

/// <summary>
/// A section of a consultation's document, as something to comment on: anyone may read the comments of a published
/// consultation; people comment while it is open, optionally quoting a passage of the section's text. Those who comment
/// follow the section, as on any commented item, and are emailed the comments after theirs.
/// </summary>
internal sealed class SectionItems(AppDbContext db, TimeProvider clock) : ICommentable, IFollowable
{
    public string Type => ConsultationsModule.SectionItemType;

    public async Task<bool> CanSeeAsync(int id, ClaimsPrincipal person, CancellationToken cancellationToken) =>
        await FindAsync(id, person, cancellationToken) is not null;

    public async Task<(string Title, string Url)?> DescribeAsync(int id, CancellationToken cancellationToken) =>
        await FindAsync(id, new ClaimsPrincipal(new ClaimsIdentity()), cancellationToken) is { } item ? (item.Title, item.Url) : null;

    public async Task<CommentableItem?> FindAsync(int id, ClaimsPrincipal reader, CancellationToken cancellationToken)
    {
        var found = await (
                from section in db.Sections
                join version in db.DocumentVersions on section.VersionId equals version.Id
                join consultation in db.Consultations on version.ConsultationId equals consultation.Id
                where section.Id == id
                select new { Section = section, Version = version.Number, Consultation = consultation })
            .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (found is null || !ConsultationPermissions.CanSee(reader, found.Consultation))
        {
            return null;
        }
        var url = $"{ConsultationWorkflow.UrlOf(found.Consultation.Slug)}/versions/{found.Version}/sections/{found.Section.Number}";
        return new CommentableItem($"{found.Section.Heading} ({found.Consultation.Title})", url,
            ConsultationPermissions.CanTakePart(reader, found.Consultation, clock.GetUtcNow().UtcDateTime),
            ConsultationPermissions.CanRun(reader, found.Consultation))
        { QuotableText = found.Section.Body };
    }
}

/// <summary>Published consultations as other modules link to them (an outcome, a commitment) and find them by words or short name.</summary>
public sealed class ConsultationTraces(AppDbContext db) : ITraceable, ISearchable
{
    public string Type => ConsultationsModule.ItemType;

    public async Task<IReadOnlyList<TracedItem>> PublicAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        await TracedAsync(Public().Where(c => ids.Contains(c.Id)), cancellationToken);

    public async Task<TracedItem?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        var text = reference.Trim();
        var slug = text.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.ToLowerInvariant() ?? "";
        return (await TracedAsync(Public().Where(c => c.Slug == slug || c.Title == text).OrderBy(c => c.Id).Take(1), cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string words, int limit, CancellationToken cancellationToken)
    {
        var terms = words.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var found = Public();
        foreach (var term in terms)
        {
            // The database's lower(), in SQL: culture and comparison overloads do not apply.
#pragma warning disable CA1304, CA1311, CA1862
            found = found.Where(c => c.Title.ToLower().Contains(term) || c.Summary.ToLower().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }
        return (await found.OrderByDescending(c => c.OpenedAt).Take(limit)
                .Select(c => new { Item = new TracedItem(ConsultationsModule.ItemType, c.Id, c.Slug, c.Title, "/consultations/" + c.Slug), c.State, c.ClosesOn })
                .ToListAsync(cancellationToken))
            .Select(c => new SearchHit(c.Item, c.State == ConsultationState.Open ? $"Open until {c.ClosesOn:d MMMM yyyy}" : c.State.ToText())).ToList();
    }

    private IQueryable<Consultation> Public() => db.Consultations.AsNoTracking().Where(c => c.State != ConsultationState.Draft);

    /// <summary>Where each stands, as its page says: open until its closing day, closed on a day, or its outcome published.</summary>
    private static async Task<List<TracedItem>> TracedAsync(IQueryable<Consultation> consultations, CancellationToken cancellationToken) =>
        [.. (await consultations.Select(c => new { c.Id, c.Slug, c.Title, c.State, c.ClosesOn, c.ClosedAt, OutcomePublishedAt = (DateTime?)c.Outcome!.PublishedAt })
                .ToListAsync(cancellationToken))
            .Select(c => new TracedItem(ConsultationsModule.ItemType, c.Id, c.Slug, c.Title, ConsultationWorkflow.UrlOf(c.Slug), c switch
            {
                { OutcomePublishedAt: { } published } => $"outcome published {published.ToUkTime():d MMMM yyyy}",
                { ClosedAt: { } closed } => $"closed {ConsultationTimes.ClosedOn(closed):d MMMM yyyy}",
                _ => $"open until {c.ClosesOn:d MMMM yyyy}",
            }))];
}

/// <summary>An organisation's record on consultations: how many it has run, and how many had their outcome published.</summary>
internal sealed class ConsultationFigures(AppDbContext db) : ICountable
{
    public async Task<IReadOnlyList<Figure>> CountAsync(CountScope? scope, CancellationToken cancellationToken)
    {
        var published = db.Consultations.Where(c => c.State != ConsultationState.Draft && (scope == null || c.OrganisationId == scope.OrganisationId));
        var run = await published.CountAsync(cancellationToken);
        var answered = await published.CountAsync(c => c.State == ConsultationState.OutcomePublished, cancellationToken);
        var closed = await published.CountAsync(c => c.State != ConsultationState.Open, cancellationToken);
        var link = scope is null ? "/consultations" : $"/consultations?organisation={scope.OrganisationSlug}";
        return
        [
            new(60, "Consultations run", run.ToString("N0", CultureInfo.CurrentCulture), link),
            new(70, "Consultations with their outcome published", closed == 0 ? "None closed yet" : $"{answered:N0} of {closed:N0} closed", link),
        ];
    }
}
