using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;

namespace ShapeOpenData.Modules.Updates;

/// <summary>An update as lists, feeds and the API show it, without its body or suggestions.</summary>
public sealed record UpdateSummary(
    string Slug, string Title, string Summary, UpdateOrganisation Organisation, IReadOnlyList<string> Tags, DateTime PublishedAt, DateTime UpdatedAt,
    int Suggestions, int SuggestionsAdopted, string Url);

/// <summary>One update in full: its body in Markdown, and every suggestion with its answer.</summary>
public sealed record UpdateResponse(
    string Slug, string Title, string Summary, string Body, UpdateOrganisation Organisation, string Author, IReadOnlyList<string> Tags,
    DateTime PublishedAt, DateTime UpdatedAt, IReadOnlyList<SuggestionResponse> Suggestions, string Url);

/// <param name="Answer">noted, adopted or not_adopted; null until it is answered.</param>
public sealed record SuggestionResponse(
    int Id, string Text, string Author, DateTime CreatedAt, string? Answer, string? Reason, string? AnsweredBy, DateTime? AnsweredAt, string Url);

public sealed record UpdateOrganisation(string Slug, string Name);

/// <summary>Which updates: those with a tag, from an organisation (by slug), or all.</summary>
public sealed record UpdateFilter(string? Tag = null, string? Organisation = null);

/// <summary>
/// Updates read once, in the shape pages, feeds and the API share, so they never disagree: newest first, names of
/// people as they are shown in public ("Former participant" once an account is gone).
/// </summary>
public sealed class UpdateReadModel(AppDbContext db)
{
    public IQueryable<PolicyUpdate> Filtered(UpdateFilter filter)
    {
        var query = db.PolicyUpdates.AsNoTracking();
        if (filter.Tag is { } tag)
        {
            query = query.Where(u => u.Tags.Any(t => t.Tag == tag));
        }
        if (filter.Organisation is { } organisation)
        {
            query = query.Where(u => db.Organisations.Any(o => o.Id == u.OrganisationId && o.Slug == organisation));
        }
        return query.OrderByDescending(u => u.PublishedAt).ThenByDescending(u => u.Id);
    }

    public async Task<IReadOnlyList<UpdateSummary>> SummariesAsync(IQueryable<PolicyUpdate> updates, CancellationToken cancellationToken)
    {
        var rows = await updates.Select(u => new
        {
            u.Slug, u.Title, u.Summary, u.OrganisationId, u.PublishedAt, u.UpdatedAt,
            Tags = u.Tags.OrderBy(t => t.Tag).Select(t => t.Tag).ToList(),
            Suggestions = db.Suggestions.Count(s => s.UpdateId == u.Id),
            Adopted = db.Suggestions.Count(s => s.UpdateId == u.Id && s.Answer == SuggestionAnswer.Adopted),
        }).ToListAsync(cancellationToken);
        var organisations = await OrganisationsAsync(rows.Select(r => r.OrganisationId), cancellationToken);
        return [.. rows.Select(r => new UpdateSummary(r.Slug, r.Title, r.Summary, organisations[r.OrganisationId], r.Tags, r.PublishedAt, r.UpdatedAt,
            r.Suggestions, r.Adopted, UpdateWorkflow.UrlOf(r.Slug)))];
    }

    public async Task<UpdateResponse?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        var update = await db.PolicyUpdates.AsNoTracking().Include(u => u.Tags).SingleOrDefaultAsync(u => u.Slug == slug, cancellationToken);
        if (update is null)
        {
            return null;
        }
        var suggestions = await db.Suggestions.AsNoTracking().Where(s => s.UpdateId == update.Id).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var names = await db.PublicNamesAsync(suggestions.Select(s => s.AuthorId).Concat(suggestions.Select(s => s.AnsweredById).OfType<int>())
            .Concat(update.AuthorId is { } author ? [author] : []), cancellationToken);
        var organisation = (await OrganisationsAsync([update.OrganisationId], cancellationToken))[update.OrganisationId];
        return new UpdateResponse(update.Slug, update.Title, update.Summary, update.Body, organisation,
            update.AuthorId is { } by ? names[by] : User.FormerParticipant, [.. update.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal)],
            update.PublishedAt, update.UpdatedAt,
            [.. suggestions.Select(s => new SuggestionResponse(s.Id, s.Text, names[s.AuthorId], s.CreatedAt, s.Answer?.ToCode(), s.Reason,
                s.AnsweredById is { } answeredBy ? names[answeredBy] : s.Answer is null ? null : User.FormerParticipant, s.AnsweredAt,
                UpdateWorkflow.UrlOf(update.Slug, s.Id)))],
            UpdateWorkflow.UrlOf(update.Slug));
    }

    private Task<Dictionary<int, UpdateOrganisation>> OrganisationsAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return db.Organisations.AsNoTracking().Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => new UpdateOrganisation(o.Slug, o.Name), cancellationToken);
    }
}
