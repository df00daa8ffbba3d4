namespace ShapeOpenData.Modules.Consultations.OpinionGroups;

/// <summary>
/// Gives this run's groups their numbers: a group takes the number of the previous group whose centre is nearest, the
/// pairs chosen together to keep the total squared distance least, so a group keeps its number from run to run (README
/// convention 6). A group with no counterpart takes the lowest number free; on a cold start the largest group is 0.
/// </summary>
internal static class GroupNumbers
{
    /// <summary>Beyond this many groups on either side, pairs are chosen greedily instead of by trying every pairing.</summary>
    private const int ExactUpTo = 6;

    public static int[] Assign(double[] centres, int[] sizes, IReadOnlyList<NumberedCentre> previous)
    {
        var k = sizes.Length;
        var numbers = new int[k];
        Array.Fill(numbers, -1);
        if (previous.Count > 0)
        {
            var cost = new double[k, previous.Count];
            for (var g = 0; g < k; g++)
            {
                for (var p = 0; p < previous.Count; p++)
                {
                    var dx = centres[g * 2] - previous[p].X;
                    var dy = centres[g * 2 + 1] - previous[p].Y;
                    cost[g, p] = dx * dx + dy * dy;
                }
            }
            var pairing = k <= ExactUpTo && previous.Count <= ExactUpTo ? BestPairing(cost) : GreedyPairing(cost);
            for (var g = 0; g < k; g++)
            {
                if (pairing[g] >= 0)
                {
                    numbers[g] = previous[pairing[g]].Number;
                }
            }
        }
        var unnumbered = Enumerable.Range(0, k).Where(g => numbers[g] < 0)
            .OrderByDescending(g => sizes[g]).ThenBy(g => centres[g * 2]).ThenBy(g => g);
        foreach (var g in unnumbered)
        {
            var number = 0;
            while (numbers.Contains(number))
            {
                number++;
            }
            numbers[g] = number;
        }
        return numbers;
    }

    /// <summary>Every pairing of min(k, previous) groups tried; the least total cost kept (at most 6⁶ tries).</summary>
    private static int[] BestPairing(double[,] cost)
    {
        int k = cost.GetLength(0), m = cost.GetLength(1), pairs = Math.Min(k, m);
        var best = new int[k];
        var current = new int[k];
        var taken = new bool[m];
        var bestCost = double.PositiveInfinity;
        void Try(int g, int paired, double total)
        {
            if (total >= bestCost || paired + (k - g) < pairs)
            {
                return;
            }
            if (g == k)
            {
                bestCost = total;
                current.CopyTo(best, 0);
                return;
            }
            for (var p = 0; p < m; p++)
            {
                if (!taken[p])
                {
                    taken[p] = true;
                    current[g] = p;
                    Try(g + 1, paired + 1, total + cost[g, p]);
                    taken[p] = false;
                }
            }
            current[g] = -1;
            Try(g + 1, paired, total);
        }
        Try(0, 0, 0);
        return best;
    }

    private static int[] GreedyPairing(double[,] cost)
    {
        int k = cost.GetLength(0), m = cost.GetLength(1);
        var pairing = Enumerable.Repeat(-1, k).ToArray();
        var taken = new bool[m];
        var candidates = from g in Enumerable.Range(0, k) from p in Enumerable.Range(0, m) orderby cost[g, p], g, p select (g, p);
        foreach (var (g, p) in candidates)
        {
            if (pairing[g] < 0 && !taken[p])
            {
                pairing[g] = p;
                taken[p] = true;
            }
        }
        return pairing;
    }
}
