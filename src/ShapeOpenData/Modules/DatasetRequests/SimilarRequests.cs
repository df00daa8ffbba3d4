using System.Linq.Expressions;
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

    /// <summary>Candidates beyond those shown, in case some were closed since the index was built.</summary>
    private const int Spare = 10;

    /// <summary>The requests that may be suggested: open and public.</summary>
    internal static readonly Expression<Func<DatasetRequest, bool>> Suggestable = r => r.State != RequestState.Closed && !r.IsConfidential;

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

        // The best from the index, with room to spare for any that changed since it was built, read in the same
        // query as everything that changed: one round trip, and the counts shown are today's.
        var candidates = snapshot.Match(terms, needed, take + Spare).ToDictionary(m => m.Id, m => m.Matches);
        var ids = candidates.Keys.ToList();
        var rows = await db.DatasetRequests.AsNoTracking()
            .Where(r => r.UpdatedAt >= snapshot.TakenAt || ids.Contains(r.Id))
            .Select(r => new
            {
                Found = new SimilarRequest(r.Id, r.Title, r.SupportCount, r.Organisation == null ? null : r.Organisation.Name),
                Changed = r.UpdatedAt >= snapshot.TakenAt,
                Listed = r.State != RequestState.Closed && !r.IsConfidential,  // Suggestable, inside a projection
            })
            .ToListAsync(cancellationToken);
        if (rows.Count(r => r.Changed) > RebuildAfterChanges)
        {
            index.RebuildSoon();
        }
        var matches = new Dictionary<int, SimilarRequest>();
        var ranked = new List<TitleMatch>();
        foreach (var row in rows.Where(r => r.Listed))
        {
            var shared = row.Changed ? TitleTerms.Of(row.Found.Title).Count(terms.Contains) : candidates[row.Found.Id];
            if (shared >= needed)
            {
                matches[row.Found.Id] = row.Found;
                ranked.Add(new TitleMatch(row.Found.Id, shared, row.Found.SupportCount));
            }
        }
        return [.. ranked.Order(TitleMatch.BestFirst).Take(take).Select(m => matches[m.Id])];
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
