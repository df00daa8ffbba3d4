using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace ShapeOpenData.Modules.DatasetRequests;

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
