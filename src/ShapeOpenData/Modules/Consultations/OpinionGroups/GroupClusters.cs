namespace ShapeOpenData.Modules.Consultations.OpinionGroups;

/// <summary>
/// The second clustering of README convention 6: the base centres, weighted by their sizes, clustered into k groups by
/// k-means, warm-started from the previous run's centres for that k; and the silhouette of a clustering over the base
/// centres, by which k is chosen.
/// </summary>
internal static class GroupClusters
{
    /// <summary>Cold starts tried, the one with the least weighted squared distance kept.</summary>
    private const int Restarts = 10;

    private const int MaxIterations = 100;

    /// <summary>k groups of the bases: their centres (x and y in turn) and each base's group.</summary>
    public sealed record Clustering(int K, double[] Centres, int[] Assignment, double Silhouette);

    public static Clustering Find(double[] bases, double[] weights, int k, double[]? previousCentres, double[,] distances, Random random)
    {
        (double[] Centres, int[] Assignment, double Cost) best;
        if (previousCentres is { } previous && previous.Length == k * 2)
        {
            best = Lloyd(bases, weights, (double[])previous.Clone());
        }
        else
        {
            best = Lloyd(bases, weights, Seed(bases, weights, k, random));
            for (var restart = 1; restart < Restarts; restart++)
            {
                var tried = Lloyd(bases, weights, Seed(bases, weights, k, random));
                if (tried.Cost < best.Cost - 1e-12 * Math.Abs(best.Cost))
                {
                    best = tried;
                }
            }
        }
        return new Clustering(k, best.Centres, best.Assignment, Silhouette(distances, best.Assignment, k));
    }

    /// <summary>Distances between every two bases.</summary>
    public static double[,] Distances(double[] bases)
    {
        var n = bases.Length / 2;
        var distances = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                distances[i, j] = distances[j, i] = Math.Sqrt(Square(bases[i * 2] - bases[j * 2]) + Square(bases[i * 2 + 1] - bases[j * 2 + 1]));
            }
        }
        return distances;
    }

    /// <summary>
    /// The mean over the bases (unweighted, as Pol.is) of (b − a) ÷ max(a, b), a being the mean distance to the rest of
    /// its own group and b the least mean distance to another group; a base alone in its group counts 0.
    /// </summary>
    public static double Silhouette(double[,] distances, int[] assignment, int k)
    {
        var n = assignment.Length;
        if (n == 0)
        {
            return 0;
        }
        var sizes = new int[k];
        foreach (var g in assignment)
        {
            sizes[g]++;
        }
        double total = 0;
        var sums = new double[k];
        for (var i = 0; i < n; i++)
        {
            Array.Clear(sums);
            for (var j = 0; j < n; j++)
            {
                sums[assignment[j]] += distances[i, j];
            }
            var own = assignment[i];
            if (sizes[own] == 1)
            {
                continue;
            }
            var a = sums[own] / (sizes[own] - 1);
            var b = double.PositiveInfinity;
            for (var g = 0; g < k; g++)
            {
                if (g != own && sizes[g] > 0)
                {
                    b = Math.Min(b, sums[g] / sizes[g]);
                }
            }
            if (!double.IsPositiveInfinity(b) && Math.Max(a, b) > 0)
            {
                total += (b - a) / Math.Max(a, b);
            }
        }
        return total / n;
    }

    /// <summary>Weighted k-means++: each next centre a base drawn in proportion to weight × squared distance to the nearest so far.</summary>
    public static double[] Seed(double[] bases, double[] weights, int k, Random random)
    {
        var n = weights.Length;
        var centres = new double[k * 2];
        var nearest = new double[n];
        Array.Fill(nearest, double.PositiveInfinity);
        for (var c = 0; c < k; c++)
        {
            int chosen;
            if (c == 0)
            {
                chosen = Draw(weights, random);
            }
            else
            {
                var score = new double[n];
                for (var i = 0; i < n; i++)
                {
                    score[i] = weights[i] * nearest[i];
                }
                chosen = Draw(score, random);
            }
            centres[c * 2] = bases[chosen * 2];
            centres[c * 2 + 1] = bases[chosen * 2 + 1];
            for (var i = 0; i < n; i++)
            {
                nearest[i] = Math.Min(nearest[i], Square(bases[i * 2] - centres[c * 2]) + Square(bases[i * 2 + 1] - centres[c * 2 + 1]));
            }
        }
        return centres;
    }

    private static int Draw(double[] scores, Random random)
    {
        double total = 0;
        foreach (var score in scores)
        {
            total += score;
        }
        var target = random.NextDouble() * total;
        for (var i = 0; i < scores.Length; i++)
        {
            target -= scores[i];
            if (target < 0 && scores[i] > 0)
            {
                return i;
            }
        }
        return Array.FindLastIndex(scores, s => s > 0) is var last && last >= 0 ? last : 0;
    }

    /// <summary>Weighted Lloyd iterations until no base changes group; a group left empty takes the base furthest from its centre.</summary>
    private static (double[] Centres, int[] Assignment, double Cost) Lloyd(double[] bases, double[] weights, double[] centres)
    {
        var n = weights.Length;
        var k = centres.Length / 2;
        var assignment = new int[n];
        Array.Fill(assignment, -1);
        double cost = 0;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var changed = false;
            cost = 0;
            var distance = new double[n];
            for (var i = 0; i < n; i++)
            {
                var best = 0;
                var bestDistance = double.PositiveInfinity;
                for (var c = 0; c < k; c++)
                {
                    var d = Square(bases[i * 2] - centres[c * 2]) + Square(bases[i * 2 + 1] - centres[c * 2 + 1]);
                    if (d < bestDistance)
                    {
                        bestDistance = d;
                        best = c;
                    }
                }
                changed |= assignment[i] != best;
                assignment[i] = best;
                distance[i] = bestDistance;
                cost += weights[i] * bestDistance;
            }
            var sums = new double[k * 3];
            for (var i = 0; i < n; i++)
            {
                var c = assignment[i] * 3;
                sums[c] += weights[i] * bases[i * 2];
                sums[c + 1] += weights[i] * bases[i * 2 + 1];
                sums[c + 2] += weights[i];
            }
            for (var c = 0; c < k; c++)
            {
                if (sums[c * 3 + 2] > 0)
                {
                    centres[c * 2] = sums[c * 3] / sums[c * 3 + 2];
                    centres[c * 2 + 1] = sums[c * 3 + 1] / sums[c * 3 + 2];
                    continue;
                }
                var furthest = 0;
                for (var i = 1; i < n; i++)
                {
                    if (weights[i] * distance[i] > weights[furthest] * distance[furthest])
                    {
                        furthest = i;
                    }
                }
                centres[c * 2] = bases[furthest * 2];
                centres[c * 2 + 1] = bases[furthest * 2 + 1];
                distance[furthest] = 0;
                changed = true;
            }
            if (!changed)
            {
                break;
            }
        }
        return (centres, assignment, cost);
    }

    private static double Square(double x) => x * x;
}
