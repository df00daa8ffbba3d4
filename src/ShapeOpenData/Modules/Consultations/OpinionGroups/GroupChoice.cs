namespace ShapeOpenData.Modules.Consultations.OpinionGroups;

/// <summary>
/// Chooses the groups from the base clusters (README convention 6): a clustering for each k = 2 … min(5, 2 + bases ÷ 12),
/// the best by silhouette over the base centres, adopted only once it has won several runs in a row (until then the k
/// adopted before is kept); then refined over the participants (<see cref="GroupRefinement"/>) and numbered to match the
/// previous run's groups.
/// </summary>
internal static class GroupChoice
{
    /// <summary>The other starts a cold start refines, besides the centres found over the base clusters.</summary>
    private const int ColdStarts = 10;

    /// <param name="GroupOfMember">Grouped participant (in index order) → group index (0 … k − 1, not the number).</param>
    /// <param name="Numbers">Group index → its number.</param>
    /// <param name="Sizes">Group index → its participants.</param>
    /// <param name="Centres">Group index → its centre, x and y in turn.</param>
    public sealed record Choice(
        int[] GroupOfMember, int[] Numbers, int[] Sizes, double[] Centres, IReadOnlyList<GroupClustering> Clusterings,
        int ChosenK, int LeadingK, int LeadingRuns, IReadOnlyDictionary<int, double> Silhouettes);

    public static Choice Choose(MapPosition[] points, double[] bases, int[] baseOf, OpinionGroupState? previous, OpinionGroupOptions options, Random random)
    {
        var baseCount = bases.Length / 2;
        var weights = new double[baseCount];
        foreach (var b in baseOf)
        {
            weights[b]++;
        }
        var clusterings = new List<GroupClusters.Clustering>();
        if (baseCount < 2)
        {
            // Nothing to split: everyone grouped (if anyone) is in one group.
            clusterings.Add(new GroupClusters.Clustering(baseCount, bases, new int[baseCount], 0));
        }
        else
        {
            var distances = GroupClusters.Distances(bases);
            var maxK = Math.Min(Math.Min(options.MaxGroups, 2 + baseCount / 12), baseCount);
            for (var k = 2; k <= maxK; k++)
            {
                var warm = previous?.Clusterings.FirstOrDefault(c => c.K == k)?.Centres;
                clusterings.Add(GroupClusters.Find(bases, weights, k, warm, distances, random));
            }
        }

        // The best k by silhouette (the smaller on a tie), then Pol.is's smoothing of k between runs.
        var best = clusterings.Aggregate((a, b) => b.Silhouette > a.Silhouette ? b : a).K;
        var leadingRuns = previous is not null && previous.LeadingK == best ? previous.LeadingRuns + 1 : 1;
        var chosen = leadingRuns >= options.RunsBeforeNewK || previous is null || clusterings.All(c => c.K != previous.ChosenK)
            ? best
            : previous.ChosenK;
        var adopted = clusterings.First(c => c.K == chosen);

        var warmStart = previous?.Clusterings.Any(c => c.K == chosen && c.Centres.Length == chosen * 2) == true;
        var starts = new List<double[]> { adopted.Centres };
        if (!warmStart && chosen >= 2)
        {
            starts.AddRange(Enumerable.Range(0, ColdStarts).Select(_ => GroupClusters.Seed(bases, weights, chosen, random)));
        }
        var (centres, assignment, _) = GroupRefinement.Refine(points, starts);
        (assignment, centres, var sizes) = WithoutEmptyGroups(centres, assignment);
        var numbers = GroupNumbers.Assign(centres, sizes, previous?.Groups ?? []);
        var kept = clusterings.Select(c => new GroupClustering(c.K, c.K == chosen && sizes.Length == chosen ? centres : c.Centres));
        return new Choice(assignment, numbers, sizes, centres, [.. kept], chosen, best, leadingRuns,
            clusterings.ToDictionary(c => c.K, c => c.Silhouette));
    }

    private static (int[] Assignment, double[] Centres, int[] Sizes) WithoutEmptyGroups(double[] centres, int[] assignment)
    {
        var k = centres.Length / 2;
        var sizes = new int[k];
        foreach (var g in assignment)
        {
            sizes[g]++;
        }
        var kept = Enumerable.Range(0, k).Where(g => sizes[g] > 0).ToArray();
        if (kept.Length == k)
        {
            return (assignment, centres, sizes);
        }
        var index = new int[k];
        for (var i = 0; i < kept.Length; i++)
        {
            index[kept[i]] = i;
        }
        return (Array.ConvertAll(assignment, g => index[g]),
            [.. kept.SelectMany(g => new[] { centres[g * 2], centres[g * 2 + 1] })],
            [.. kept.Select(g => sizes[g])]);
    }
}
