using System.Buffers;
using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>
/// The words of every open, public request's title, held in memory so "is your request one of these?" can
/// answer while someone types, over hundreds of thousands of titles. It is rebuilt in the background every
/// few minutes, and sooner when many requests have changed; what changed since the last build is read
/// fresh from the database by <see cref="SimilarRequests"/>, so the suggestions are never out of date.
/// </summary>
public sealed class TitleIndex(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TitleIndex> log) : BackgroundService
{
    private static readonly TimeSpan RebuildEvery = TimeSpan.FromMinutes(5);

    /// <summary>A transaction that began before a build may commit after it; reading changes from a minute
    /// earlier than the build began catches it.</summary>
    private static readonly TimeSpan CommitMargin = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim rebuildSoon = new(0, 1);

    /// <summary>The latest build, or null before the first one has finished.</summary>
    public TitleSnapshot? Current { get; private set; }

    /// <summary>Asks for a build now rather than at the next interval: many requests changed since the last one.</summary>
    public void RebuildSoon()
    {
        if (rebuildSoon.CurrentCount == 0)
        {
            try { rebuildSoon.Release(); } catch (SemaphoreFullException) { }
        }
    }

    public async Task RebuildAsync(CancellationToken cancellationToken = default)
    {
        var takenAt = clock.UtcNow() - CommitMargin;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var open = db.DatasetRequests.Where(SimilarRequests.Suggestable);
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        await foreach (var term in (from t in db.RequestTitleTerms join r in open on t.RequestId equals r.Id select new { t.RequestId, t.Term })
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!postings.TryGetValue(term.Term, out var ids))
            {
                postings[term.Term] = ids = [];
            }
            ids.Add(term.RequestId);
        }
        var supports = await open.Select(r => new { r.Id, r.SupportCount }).ToListAsync(cancellationToken);
        var supportById = new int[supports.Count == 0 ? 1 : supports.Max(s => s.Id) + 1];
        foreach (var request in supports)
        {
            supportById[request.Id] = request.SupportCount;
        }
        Current = new TitleSnapshot(postings.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal), supportById, takenAt);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RebuildAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // Suggestions fall back to asking the database until the next build succeeds.
                log.LogError(failure, "Building the title index failed");
            }
            try
            {
                await rebuildSoon.WaitAsync(RebuildEvery, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override void Dispose()
    {
        rebuildSoon.Dispose();
        base.Dispose();
    }
}

/// <param name="Id">The request.</param>
/// <param name="Matches">How many of the asked-for words its title has.</param>
/// <param name="SupportCount">Its support count when last seen, to order equal matches.</param>
public readonly record struct TitleMatch(int Id, int Matches, int SupportCount)
{
    /// <summary>Most words in common first, then most supported, then newest.</summary>
    public static readonly IComparer<TitleMatch> BestFirst = Comparer<TitleMatch>.Create((a, b) =>
        a.Matches != b.Matches ? b.Matches.CompareTo(a.Matches)
        : a.SupportCount != b.SupportCount ? b.SupportCount.CompareTo(a.SupportCount)
        : b.Id.CompareTo(a.Id));
}

/// <summary>One build of the index: for each word, the requests whose titles have it.</summary>
public sealed class TitleSnapshot(FrozenDictionary<string, int[]> postings, int[] supportById, DateTime takenAt)
{
    /// <summary>Changes from this moment on are not in the snapshot.</summary>
    public DateTime TakenAt { get; } = takenAt;

    /// <summary>The best <paramref name="take"/> requests with at least <paramref name="needed"/> of the terms.</summary>
    public List<TitleMatch> Match(IReadOnlyList<string> terms, int needed, int take)
    {
        var lists = terms.Select(term => postings.GetValueOrDefault(term)).OfType<int[]>().ToList();
        var best = new List<TitleMatch>(take + 1);
        if (lists.Count < needed)
        {
            return best;
        }
        // Count words per request in a pooled array, then read each candidate once, clearing as we go.
        var counts = ArrayPool<byte>.Shared.Rent(supportById.Length);
        try
        {
            Array.Clear(counts, 0, supportById.Length);
            foreach (var ids in lists)
            {
                foreach (var id in ids) counts[id]++;
            }
            foreach (var ids in lists)
            {
                foreach (var id in ids)
                {
                    var matches = counts[id];
                    counts[id] = 0;
                    if (matches < needed) continue;
                    var match = new TitleMatch(id, matches, supportById[id]);
                    if (best.Count == take && TitleMatch.BestFirst.Compare(match, best[^1]) >= 0) continue;
                    var at = best.BinarySearch(match, TitleMatch.BestFirst);
                    best.Insert(at < 0 ? ~at : at, match);
                    if (best.Count > take) best.RemoveAt(take);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(counts);
        }
        return best;
    }
}
