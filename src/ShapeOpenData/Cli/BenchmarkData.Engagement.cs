using ShapeOpenData.Infrastructure;
using ShapeOpenData.Modules.Accounts;
using ShapeOpenData.Modules.DatasetRequests;
using ShapeOpenData.Modules.Shared;
using static ShapeOpenData.Cli.BenchmarkWords;

namespace ShapeOpenData.Cli;

/// <summary>The generator's engagement rows: who supports, follows and comments on which request.</summary>
public sealed partial class BenchmarkData
{
    /// <summary>
    /// Shares <paramref name="total"/> among <paramref name="items"/> so that the k-th most popular gets about
    /// k^-0.9 of the most popular one's share, none more than <paramref name="cap"/>; who is popular is random.
    /// </summary>
    private static int[] PowerLaw(int items, long total, int cap, Random random)
    {
        var counts = new int[items];
        if (items == 0) return counts;
        var byRank = Enumerable.Range(0, items).OrderBy(_ => random.Next()).ToArray();
        var weights = Enumerable.Range(0, items).Select(rank => 1.0 / Math.Pow(rank + 1, 0.9)).ToArray();
        var sum = weights.Sum();
        long given = 0;
        for (var rank = 0; rank < items; rank++)
        {
            counts[byRank[rank]] = (int)Math.Min(cap, (long)(total * weights[rank] / sum));
            given += counts[byRank[rank]];
        }
        for (var rank = 0; given < total; rank = (rank + 1) % items)
        {
            if (counts[byRank[rank]] < cap)
            {
                counts[byRank[rank]]++;
                given++;
            }
        }
        return counts;
    }

    /// <summary>
    /// Distinct supporters for each request without remembering who supported what: walking the people with a
    /// step that shares no factor with their number visits each at most once.
    /// </summary>
    private static IEnumerable<object?[]> Supports(PlannedRequest[] requests, int users, int firstUser, Sector[] sectors, int seed)
    {
        var random = new Random(seed + 3);
        var step = CoprimeStep(users);
        foreach (var request in requests)
        {
            var start = random.Next(users);
            for (long k = 0, given = 0; given < request.SupportCount; k++)
            {
                var user = (int)((start + k * step) % users);
                if (firstUser + user == request.RequesterId) continue;
                yield return [request.Id, firstUser + user, given % 7 == 0 ? "We need this for our work." : null, sectors[user].ToCode(), request.CreatedAt.AddMinutes(10 + given)];
                given++;
            }
        }
    }

    /// <summary>Supporters follow what they support, and requesters follow their own requests.</summary>
    private static IEnumerable<object?[]> Follows(PlannedRequest[] requests, int users, int firstUser, Sector[] sectors, int seed)
    {
        foreach (var request in requests)
        {
            yield return [DatasetRequestsModule.ItemType, request.Id, request.RequesterId, request.CreatedAt, true];
        }
        foreach (var row in Supports(requests, users, firstUser, sectors, seed))
        {
            yield return [DatasetRequestsModule.ItemType, row[0], row[1], row[4], true];
        }
    }

    private static IEnumerable<object?[]> Comments(PlannedRequest[] requests, GenerationSize size, int firstUser, int seed)
    {
        var random = new Random(seed + 4);
        var id = 0;
        foreach (var request in requests.Where(r => r.CommentCount > 0))
        {
            var threads = new List<int>();
            for (var k = 0; k < request.CommentCount; k++)
            {
                id++;
                int? parent = threads.Count > 0 && random.Next(5) == 0 ? threads[random.Next(threads.Count)] : null;
                if (parent is null) threads.Add(id);
                yield return
                [
                    id, DatasetRequestsModule.ItemType, request.Id, parent, firstUser + random.Next(size.Users), Sentences[random.Next(Sentences.Length)],
                    random.Next(20) == 0, request.CreatedAt.AddMinutes(30 + k),
                ];
            }
        }
    }

    /// <summary>A prime that does not divide <paramref name="users"/>: stepping by it visits every person before any twice.</summary>
    private static long CoprimeStep(int users) => new long[] { 7_919, 104_729, 1_299_709, 15_485_863 }.First(prime => users % prime != 0);
}
