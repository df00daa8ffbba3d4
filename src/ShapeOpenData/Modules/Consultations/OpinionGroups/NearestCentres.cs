namespace ShapeOpenData.Modules.Consultations.OpinionGroups;

/// <summary>
/// The assignment step of k-means, repeated as the centres move: each point to its nearest centre (the lower-numbered on
/// a tie), exactly as measuring every point against every centre would, but without doing so each time (Hamerly's
/// bounds). Each point keeps an upper bound on the distance to its own centre and a lower bound on the distance to any
/// other; when the centres move, the bounds move by as much, and only a point whose bounds overlap is measured again.
/// Late in k-means the centres hardly move, so an iteration measures a few hundred of 100,000 points instead of all.
/// </summary>
internal sealed class NearestCentres(MapPosition[] points)
{
    /// <summary>Bounds are trusted only with this much room to spare, so rounding can never skip a point it should not.</summary>
    private const double Margin = 1e-9;

    private readonly double[] _upper = new double[points.Length];
    private readonly double[] _lower = new double[points.Length];
    private readonly int[] _bounds = Chunks.Even(points.Length);
    private double[] _last = [];

    /// <summary>Puts each point with its nearest centre (x and y in turn); returns how many points changed centre.</summary>
    public int Assign(double[] centres, int[] assignment)
    {
        var k = centres.Length / 2;
        var full = _last.Length != centres.Length;
        var moved = new double[k];
        double mostMoved = 0, nextMostMoved = 0;
        var mostMovedCentre = -1;
        if (!full)
        {
            for (var c = 0; c < k; c++)
            {
                moved[c] = Distance(_last[c * 2] - centres[c * 2], _last[c * 2 + 1] - centres[c * 2 + 1]);
                if (moved[c] > mostMoved)
                {
                    (nextMostMoved, mostMoved, mostMovedCentre) = (mostMoved, moved[c], c);
                }
                else if (moved[c] > nextMostMoved)
                {
                    nextMostMoved = moved[c];
                }
            }
        }
        var halfGap = HalfGapToNearestOther(centres, k);
        var search = new SortedCentres(centres, k);
        var changes = new int[Chunks.Count];
        Chunks.Run((long)points.Length * (full ? k : 1), chunk =>
        {
            for (var i = _bounds[chunk]; i < _bounds[chunk + 1]; i++)
            {
                var own = assignment[i];
                if (!full)
                {
                    _upper[i] += moved[own];
                    _lower[i] -= own == mostMovedCentre ? nextMostMoved : mostMoved;
                    var room = Math.Max(_lower[i], halfGap[own]) * (1 - Margin);
                    if (_upper[i] < room)
                    {
                        continue;
                    }
                    _upper[i] = Distance(points[i].X - centres[own * 2], points[i].Y - centres[own * 2 + 1]);
                    if (_upper[i] < room)
                    {
                        continue;
                    }
                }
                var (nearest, nearestSquared, nextSquared) = search.Nearest(points[i].X, points[i].Y);
                _upper[i] = Math.Sqrt(nearestSquared);
                _lower[i] = Math.Sqrt(nextSquared);
                if (nearest != own)
                {
                    assignment[i] = nearest;
                    changes[chunk]++;
                }
            }
        });
        _last = (double[])centres.Clone();
        return changes.Sum();
    }

    /// <summary>Half the distance from each centre to the nearest other: a point nearer than that to its centre is nearest it.</summary>
    private static double[] HalfGapToNearestOther(double[] centres, int k)
    {
        var half = new double[k];
        Array.Fill(half, double.PositiveInfinity);
        for (var a = 0; a < k; a++)
        {
            for (var b = a + 1; b < k; b++)
            {
                var d = Distance(centres[a * 2] - centres[b * 2], centres[a * 2 + 1] - centres[b * 2 + 1]) / 2;
                half[a] = Math.Min(half[a], d);
                half[b] = Math.Min(half[b], d);
            }
        }
        return half;
    }

    private static double Distance(double dx, double dy) => Math.Sqrt(dx * dx + dy * dy);

    /// <summary>
    /// The centres sorted by x, so a point's nearest two are found by searching outwards from its own x until the x
    /// distance alone is further than the second nearest so far: a handful of comparisons even among 100 centres.
    /// </summary>
    private sealed class SortedCentres
    {
        private readonly int[] _order;
        private readonly double[] _xs;
        private readonly double[] _ys;

        public SortedCentres(double[] centres, int k)
        {
            _order = [.. Enumerable.Range(0, k).OrderBy(c => centres[c * 2]).ThenBy(c => c)];
            _xs = Array.ConvertAll(_order, c => centres[c * 2]);
            _ys = Array.ConvertAll(_order, c => centres[c * 2 + 1]);
        }

        /// <summary>The nearest centre (the lower-numbered on a tie), its squared distance and the next nearest's.</summary>
        public (int Centre, double Squared, double NextSquared) Nearest(double x, double y)
        {
            var k = _xs.Length;
            var start = Array.BinarySearch(_xs, x);
            start = start < 0 ? Math.Min(~start, k - 1) : start;
            var best = -1;
            double bestSquared = double.PositiveInfinity, nextSquared = double.PositiveInfinity;
            for (int left = start, right = start + 1; left >= 0 || right < k;)
            {
                var leftGap = left >= 0 ? x - _xs[left] : double.PositiveInfinity;
                var rightGap = right < k ? _xs[right] - x : double.PositiveInfinity;
                var gap = Math.Min(leftGap, rightGap);
                if (gap * gap > nextSquared)
                {
                    break;
                }
                var j = leftGap <= rightGap ? left-- : right++;
                var dx = _xs[j] - x;
                var dy = _ys[j] - y;
                var squared = dx * dx + dy * dy;
                if (best < 0 || squared < bestSquared || (squared == bestSquared && _order[j] < _order[best]))
                {
                    nextSquared = bestSquared;
                    bestSquared = squared;
                    best = j;
                }
                else if (squared < nextSquared)
                {
                    nextSquared = squared;
                }
            }
            return (_order[best], bestSquared, nextSquared);
        }
    }
}
