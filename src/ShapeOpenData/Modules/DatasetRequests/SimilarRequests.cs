using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;

namespace ShapeOpenData.Modules.DatasetRequests;

public sealed record SimilarRequest(int Id, string Title, int SupportCount, string? OrganisationName);

/// <summary>
/// "Is your request one of these?": open, public requests whose titles share the most words with a new
/// title, so people support instead of duplicating. The in-memory <see cref="TitleIndex"/> answers for
/// requests as they were at its last build; requests changed since are read fresh and replace theirs.
/// </summary>
public sealed class SimilarRequests(AppDbContext db, TitleIndex index)
{
    /// <summary>More changes than this since the last build, and the index is rebuilt early.</summary>
    private const int RebuildAfterChanges = 1_000;

    public async Task<IReadOnlyList<SimilarRequest>> FindAsync(string? title, int take = 5, CancellationToken cancellationToken = default)
    {
        var terms = TitleTerms.Of(title ?? "");
        if (terms.Count == 0)
        {
            return [];
        }
        // At least half the words must match: one shared word in five is not "similar".
        var needed = Math.Max(1, (terms.Count + 1) / 2);
        if (index.Current is not { } snapshot)
        {
            return await FromDatabaseAsync(terms, needed, take, cancellationToken);
        }

        var changed = await db.DatasetRequests.AsNoTracking().Where(r => r.UpdatedAt >= snapshot.TakenAt)
            .Select(r => new { r.Id, r.Title, r.SupportCount, Listed = r.State != RequestState.Closed && !r.IsConfidential })
            .ToListAsync(cancellationToken);
        if (changed.Count > RebuildAfterChanges)
        {
            index.RebuildSoon();
        }
        var matches = snapshot.Match(terms, needed, take, changed.Select(r => r.Id).ToHashSet());
        foreach (var request in changed.Where(r => r.Listed))
        {
            var shared = TitleTerms.Of(request.Title).Count(terms.Contains);
            if (shared >= needed) matches.Add(new TitleMatch(request.Id, shared, request.SupportCount));
        }
        var best = matches.Order(TitleMatch.BestFirst).Take(take).Select(m => m.Id).ToList();
        var found = await db.DatasetRequests.AsNoTracking()
            .Where(r => best.Contains(r.Id) && r.State != RequestState.Closed && !r.IsConfidential)
            .Select(r => new SimilarRequest(r.Id, r.Title, r.SupportCount, r.Organisation == null ? null : r.Organisation.Name))
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        return [.. best.Where(found.ContainsKey).Select(id => found[id])];
    }

    /// <summary>Before the index's first build: the same question asked of the stored title words.</summary>
    private async Task<IReadOnlyList<SimilarRequest>> FromDatabaseAsync(IReadOnlyList<string> terms, int needed, int take, CancellationToken cancellationToken)
    {
        var matches = db.RequestTitleTerms.Where(t => terms.Contains(t.Term))
            .GroupBy(t => t.RequestId)
            .Select(g => new { RequestId = g.Key, Count = g.Count() })
            .Where(m => m.Count >= needed);
        return await (from match in matches
                      join request in db.DatasetRequests on match.RequestId equals request.Id
                      where request.State != RequestState.Closed && !request.IsConfidential
                      orderby match.Count descending, request.SupportCount descending, request.Id descending
                      select new SimilarRequest(request.Id, request.Title, request.SupportCount, request.Organisation == null ? null : request.Organisation.Name))
            .Take(take).ToListAsync(cancellationToken);
    }
}
