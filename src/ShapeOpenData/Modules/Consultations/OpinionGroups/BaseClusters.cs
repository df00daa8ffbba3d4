namespace ShapeOpenData.Modules.Consultations.OpinionGroups;

/// <summary>
/// The first clustering of README convention 6: up to 100 small "base" clusters of the grouped participants' places,
/// by k-means, warm-started from the previous run's centres. Each iteration's nearest centres come from
/// <see cref="NearestCentres"/>, which measures again only the points whose centre may have changed.
/// </summary>
internal static class BaseClusters
{
    private const int MaxIterations = 100;

    /// <summary>
    /// Stop once no centre moves this far on the map in an iteration: Pol.is's own test (its k-means stops when every
    /// centre moves less than 0.01), on a map of the same scale. A stricter test ran all 100 iterations at every warm
    /// start of 100,000 participants, for groups no different.
    /// </summary>
    private const double Settled = 0.01;

    /// <summary>The centres (x and y in turn) of the non-empty clusters, and each point's cluster.</summary>
    public static (double[] Centres, int[] Assignment) Find(MapPosition[] points, int k, double[] previousCentres, Random random)
    {
        k = Math.Min(k, DistinctUpTo(points, k));
        if (k == 0)
        {
            return ([], new int[points.Length]);
        }
        var centres = Seed(points, k, previousCentres, random);
        var assignment = new int[points.Length];
        var sums = new double[Chunks.Count][];
        var nearest = new NearestCentres(points);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            nearest.Assign(centres, assignment);
            var moved = Recentre(points, centres, assignment, sums, out var emptied);
            if (emptied)
            {
                centres = Compact(centres, assignment);
                continue;
            }
            if (moved < Settled)
            {
                break;
            }
        }
        nearest.Assign(centres, assignment);
        Recentre(points, centres, assignment, sums, out _);
        return (Compact(centres, assignment), assignment);
    }

    private static int DistinctUpTo(MapPosition[] points, int k)
    {
        var seen = new HashSet<MapPosition>();
        foreach (var point in points)
        {
            if (seen.Add(point) && seen.Count == k)
            {
                break;
            }
        }
        return seen.Count;
    }

    /// <summary>
    /// The previous centres first; then, up to k, new ones chosen k-means++ style (far from every centre so far, at
    /// random in proportion to the squared distance), which on a cold start is plain k-means++.
    /// </summary>
    private static double[] Seed(MapPosition[] points, int k, double[] previousCentres, Random random)
    {
        var centres = new List<double>(k * 2);
        var nearest = new double[points.Length];
        Array.Fill(nearest, double.PositiveInfinity);
        void Add(double x, double y)
        {
            centres.Add(x);
            centres.Add(y);
            for (var i = 0; i < points.Length; i++)
            {
                var dx = points[i].X - x;
                var dy = points[i].Y - y;
                nearest[i] = Math.Min(nearest[i], dx * dx + dy * dy);
            }
        }
        for (var c = 0; c + 1 < previousCentres.Length && centres.Count < k * 2; c += 2)
        {
            Add(previousCentres[c], previousCentres[c + 1]);
        }
        if (centres.Count == 0)
        {
            var first = points[random.Next(points.Length)];
            Add(first.X, first.Y);
        }
        while (centres.Count < k * 2)
        {
            double total = 0;
            foreach (var d in nearest)
            {
                total += d;
            }
            if (total <= 0)
            {
                break;
            }
            var target = random.NextDouble() * total;
            var chosen = points.Length - 1;
            for (var i = 0; i < points.Length; i++)
            {
                target -= nearest[i];
                if (target < 0 && nearest[i] > 0)
                {
                    chosen = i;
                    break;
                }
            }
            Add(points[chosen].X, points[chosen].Y);
        }
        return [.. centres];
    }

    /// <summary>Moves each centre to its points' mean; returns the furthest any moved. A centre left with no points is marked NaN.</summary>
    private static double Recentre(MapPosition[] points, double[] centres, int[] assignment, double[]?[] sums, out bool emptied)
    {
        var k = centres.Length / 2;
        var bounds = Chunks.Even(points.Length);
        Chunks.Run(points.Length, chunk =>
        {
            var sum = sums[chunk] = sums[chunk] is { } existing && existing.Length >= k * 3 ? existing : new double[k * 3];
            Array.Clear(sum);
            for (var i = bounds[chunk]; i < bounds[chunk + 1]; i++)
            {
                var c = assignment[i] * 3;
                sum[c] += points[i].X;
                sum[c + 1] += points[i].Y;
                sum[c + 2]++;
            }
        });
        double moved = 0;
        emptied = false;
        for (var c = 0; c < k; c++)
        {
            double x = 0, y = 0, n = 0;
            foreach (var sum in sums)
            {
                x += sum![c * 3];
                y += sum[c * 3 + 1];
                n += sum[c * 3 + 2];
            }
            if (n == 0)
            {
                centres[c * 2] = double.NaN;
                emptied = true;
                continue;
            }
            x /= n;
            y /= n;
            moved = Math.Max(moved, Math.Sqrt((x - centres[c * 2]) * (x - centres[c * 2]) + (y - centres[c * 2 + 1]) * (y - centres[c * 2 + 1])));
            centres[c * 2] = x;
            centres[c * 2 + 1] = y;
        }
        return moved;
    }

    /// <summary>Drops the emptied centres and renumbers the assignment to match.</summary>
    private static double[] Compact(double[] centres, int[] assignment)
    {
        var k = centres.Length / 2;
        var renumber = new int[k];
        var kept = new List<double>(centres.Length);
        for (var c = 0; c < k; c++)
        {
            renumber[c] = double.IsNaN(centres[c * 2]) ? -1 : kept.Count / 2;
            if (renumber[c] >= 0)
            {
                kept.Add(centres[c * 2]);
                kept.Add(centres[c * 2 + 1]);
            }
        }
        if (kept.Count == centres.Length)
        {
            return centres;
        }
        for (var i = 0; i < assignment.Length; i++)
        {
            assignment[i] = Math.Max(0, renumber[assignment[i]]);
        }
        return [.. kept];
    }
}
