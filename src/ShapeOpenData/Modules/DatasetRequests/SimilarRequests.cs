using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.DatasetRequests;

public sealed record SimilarRequest(int Id, string Title, int SupportCount, string? OrganisationName);

/// <summary>
/// "Is your request one of these?": open, public requests (not hidden by a moderator) whose titles share the most words with a new
/// title, so people support instead of duplicating. The in-memory <see cref="TitleIndex"/> answers; before its
/// first build has finished, the database does.
/// </summary>
public sealed class SimilarRequests(AppDbContext db, TitleIndex index)
{
    /// <summary>The requests that may be suggested: open and public, and not hidden by a moderator.</summary>
    internal static readonly Expression<Func<DatasetRequest, bool>> Suggestable = r =>
        r.State != RequestState.Closed && !r.IsConfidential && r.Moderation.HiddenAt == null && !r.Moderation.AwaitingApproval;

    public async Task<IReadOnlyList<SimilarRequest>> FindAsync(string? title, int take = 5, CancellationToken cancellationToken = default)
    {
        var terms = TitleTerms.Of(title ?? "");
        if (terms.Count == 0)
        {
            return [];
        }
        // At least half the words must match: one shared word in five is not "similar".
        var needed = Math.Max(1, (terms.Count + 1) / 2);
        return index.Current is { } snapshot
            ? [.. snapshot.Match(terms, needed, take).Select(r => new SimilarRequest(r.Id, r.Title, r.SupportCount, r.OrganisationName))]
            : await FromDatabaseAsync(terms, needed, take, cancellationToken);
    }

    /// <summary>Before the index's first build: the same question asked of the stored title words.</summary>
    private async Task<IReadOnlyList<SimilarRequest>> FromDatabaseAsync(IReadOnlyList<string> terms, int needed, int take, CancellationToken cancellationToken)
    {
        var matches = db.RequestTitleTerms.Where(t => terms.Contains(t.Term))
            .GroupBy(t => t.RequestId)
            .Select(g => new { RequestId = g.Key, Count = g.Count() })
            .Where(m => m.Count >= needed);
        return await (from match in matches
                      join request in db.DatasetRequests.Where(Suggestable) on match.RequestId equals request.Id
                      orderby match.Count descending, request.SupportCount descending, request.Id descending
                      select new SimilarRequest(request.Id, request.Title, request.SupportCount, request.Organisation == null ? null : request.Organisation.Name))
            .Take(take).ToListAsync(cancellationToken);
    }
}
