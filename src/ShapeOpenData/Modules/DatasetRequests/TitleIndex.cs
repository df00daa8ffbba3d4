using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ShapeOpenData.Data;
using ShapeOpenData.Infrastructure;

namespace ShapeOpenData.Modules.DatasetRequests;

/// <summary>
/// Every open, public request's title, held in memory so "is your request one of these?" can answer while
/// someone types, over hundreds of thousands of requests, without asking the database. It is rebuilt in the
/// background every few minutes (sooner after many changes) and catches up with changed requests four times a
/// second, whichever instance made them. Support counts move at once on the instance that took the support, and
/// at the next rebuild on the others: they only order and decorate suggestions.
/// </summary>
public sealed class TitleIndex(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TitleIndex> log) : BackgroundService
{
    private static readonly TimeSpan RebuildEvery = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan CatchUpEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>A change is stamped before its transaction commits; reading from a little before the last read
    /// catches one that committed late.</summary>
    private static readonly TimeSpan CommitMargin = TimeSpan.FromSeconds(5);

    /// <summary>More changed requests than this since the last build, and it is rebuilt early.</summary>
    private const int RebuildAfterChanges = 1_000;

    private readonly SemaphoreSlim rebuildSoon = new(0, 1);
    private readonly SemaphoreSlim catchingUp = new(1, 1);
    private volatile TitleSnapshot? current;
    private DateTime changedSince;

    /// <summary>The latest build with the changes caught up since, or null before the first build.</summary>
    public TitleSnapshot? Current => current;

    public async Task RebuildAsync(CancellationToken cancellationToken = default)
    {
        var takenAt = clock.UtcNow() - CommitMargin;
        var requests = await ReadAsync(SimilarRequests.Suggestable, cancellationToken);
        await catchingUp.WaitAsync(cancellationToken);
        try
        {
            current = new TitleSnapshot(requests.Select(r => r.Request));
            changedSince = takenAt;
        }
        finally
        {
            catchingUp.Release();
        }
        await CatchUpAsync(cancellationToken);
    }

    /// <summary>Reads the requests changed since the last read, and puts them in the index.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await catchingUp.WaitAsync(cancellationToken);
        try
        {
            if (current is not { } snapshot) return;
            var readAt = clock.UtcNow();
            var since = changedSince;
            foreach (var (request, suggestable) in await ReadAsync(r => r.UpdatedAt >= since, cancellationToken))
            {
                snapshot.Put(request.Id, suggestable ? request : null);
            }
            changedSince = readAt - CommitMargin;
            if (snapshot.ChangedCount > RebuildAfterChanges) RebuildSoon();
        }
        finally
        {
            catchingUp.Release();
        }
    }

    /// <summary>A support was given or taken back here: the new count orders suggestions straight away.</summary>
    public void SupportCountChanged(int requestId, int supportCount) => current?.SetSupportCount(requestId, supportCount);

    /// <summary>Asks for a build now rather than at the next interval.</summary>
    public void RebuildSoon()
    {
        if (rebuildSoon.CurrentCount == 0)
        {
            try { rebuildSoon.Release(); } catch (SemaphoreFullException) { }
        }
    }

    private async Task<List<(IndexedRequest Request, bool Suggestable)>> ReadAsync(
        Expression<Func<DatasetRequest, bool>> which, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.DatasetRequests.AsNoTracking().Where(which)
            .Select(r => new
            {
                r.Id, r.Title, r.SupportCount,
                OrganisationName = r.Organisation == null ? null : r.Organisation.Name,
                Suggestable = r.State != RequestState.Closed && !r.IsConfidential,  // SimilarRequests.Suggestable, inside a projection
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (new IndexedRequest(r.Id, r.Title, r.OrganisationName, r.SupportCount), r.Suggestable))];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first build takes a second or two at national scale: the service starts without waiting for it.
        await Task.Yield();
        var rebuiltAt = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (clock.UtcNow() - rebuiltAt >= RebuildEvery || rebuildSoon.Wait(0, CancellationToken.None))
                {
                    rebuiltAt = clock.UtcNow();
                    await RebuildAsync(stoppingToken);
                }
                else
                {
                    await CatchUpAsync(stoppingToken);
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // Suggestions carry on from what the index has (or the database, before the first build).
                log.LogError(failure, "Keeping the title index up to date failed");
            }
            try
            {
                await Task.Delay(CatchUpEvery, stoppingToken);
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
        catchingUp.Dispose();
        base.Dispose();
    }
}

/// <summary>What a suggestion shows of a request, and the words of its title.</summary>
public sealed class IndexedRequest(int id, string title, string? organisationName, int supportCount)
{
    public int Id { get; } = id;
    public string Title { get; } = title;
    public string? OrganisationName { get; } = organisationName;
    public IReadOnlyList<string> Terms { get; } = TitleTerms.Of(title);

    private int supportCount = supportCount;
    public int SupportCount
    {
        get => Volatile.Read(ref supportCount);
        set => Volatile.Write(ref supportCount, value);
    }
}

/// <param name="Id">The request.</param>
/// <param name="Matches">How many of the asked-for words its title has.</param>
/// <param name="SupportCount">Its support count, to order equal matches.</param>
public readonly record struct TitleMatch(int Id, int Matches, int SupportCount)
{
    /// <summary>Most words in common first, then most supported, then newest.</summary>
    public static readonly IComparer<TitleMatch> BestFirst = Comparer<TitleMatch>.Create((a, b) =>
        a.Matches != b.Matches ? b.Matches.CompareTo(a.Matches)
        : a.SupportCount != b.SupportCount ? b.SupportCount.CompareTo(a.SupportCount)
        : b.Id.CompareTo(a.Id));
}

/// <summary>
/// One build of the index — for each word, the requests whose titles have it — and the requests that changed
/// since, which replace what the build knew of them.
/// </summary>
public sealed class TitleSnapshot
{
    private readonly FrozenDictionary<string, int[]> postings;

    /// <summary>The requests as built, by id (an array: the matching loop reads it thousands of times a call).</summary>
    private readonly IndexedRequest?[] built;

    /// <summary>Requests changed since the build: their latest form, or null when no longer suggestable.</summary>
    private readonly ConcurrentDictionary<int, IndexedRequest?> changed = new();

    public TitleSnapshot(IEnumerable<IndexedRequest> requests)
    {
        var all = requests.ToList();
        built = new IndexedRequest?[all.Count == 0 ? 1 : all.Max(r => r.Id) + 1];
        foreach (var request in all) built[request.Id] = request;
        postings = all.SelectMany(r => r.Terms, (r, term) => (term, r.Id))
            .GroupBy(p => p.term, p => p.Id, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public int ChangedCount => changed.Count;

    internal void Put(int id, IndexedRequest? request) => changed[id] = request;

    internal void SetSupportCount(int id, int supportCount)
    {
        var request = changed.TryGetValue(id, out var latest) ? latest : id < built.Length ? built[id] : null;
        if (request is not null) request.SupportCount = supportCount;
    }

    /// <summary>The best <paramref name="take"/> requests with at least <paramref name="needed"/> of the terms.</summary>
    public IReadOnlyList<IndexedRequest> Match(IReadOnlyList<string> terms, int needed, int take)
    {
        var best = new List<(TitleMatch Match, IndexedRequest Request)>(take + 1);
        var order = Comparer<(TitleMatch Match, IndexedRequest Request)>.Create((a, b) => TitleMatch.BestFirst.Compare(a.Match, b.Match));
        void Consider(int matches, IndexedRequest request)
        {
            if (best.Count == take && matches < best[^1].Match.Matches) return;
            var candidate = (new TitleMatch(request.Id, matches, request.SupportCount), request);
            if (best.Count == take && order.Compare(candidate, best[^1]) >= 0) return;
            var at = best.BinarySearch(candidate, order);
            best.Insert(at < 0 ? ~at : at, candidate);
            if (best.Count > take) best.RemoveAt(take);
        }

        var lists = terms.Select(term => postings.GetValueOrDefault(term)).OfType<int[]>().ToList();
        if (lists.Count >= needed)
        {
            // Count words per request in a pooled array, then read each candidate once, clearing as we go.
            var counts = ArrayPool<byte>.Shared.Rent(built.Length);
            var anyChanged = !changed.IsEmpty;
            try
            {
                Array.Clear(counts, 0, built.Length);
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
                        if (matches >= needed && !(anyChanged && changed.ContainsKey(id))) Consider(matches, built[id]!);
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(counts);
            }
        }
        foreach (var request in changed.Values)
        {
            if (request is null) continue;
            var matches = request.Terms.Count(terms.Contains);
            if (matches >= needed) Consider(matches, request);
        }
        return [.. best.Select(b => b.Request)];
    }
}
