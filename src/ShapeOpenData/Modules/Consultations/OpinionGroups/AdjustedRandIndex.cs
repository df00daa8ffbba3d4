namespace ShapeOpenData.Modules.Consultations.OpinionGroups;

/// <summary>
/// How far two groupings of the same items agree, corrected for chance: 1 when they are the same (whatever the group
/// numbers), about 0 for unrelated ones. Only items both assign are compared (a negative number is "no group"), which is
/// how README convention 6 compares groups with Pol.is's.
/// </summary>
public static class AdjustedRandIndex
{
    public static double Compute(int[] a, int[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"The groupings cover {a.Length} and {b.Length} items.", nameof(b));
        }
        var pairs = new Dictionary<(int, int), long>();
        var rows = new Dictionary<int, long>();
        var columns = new Dictionary<int, long>();
        long n = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] < 0 || b[i] < 0)
            {
                continue;
            }
            n++;
            pairs[(a[i], b[i])] = pairs.GetValueOrDefault((a[i], b[i])) + 1;
            rows[a[i]] = rows.GetValueOrDefault(a[i]) + 1;
            columns[b[i]] = columns.GetValueOrDefault(b[i]) + 1;
        }
        static double Choose2(long x) => x * (x - 1) / 2.0;
        var together = pairs.Values.Sum(Choose2);
        var rowPairs = rows.Values.Sum(Choose2);
        var columnPairs = columns.Values.Sum(Choose2);
        var expected = n < 2 ? 0 : rowPairs * columnPairs / Choose2(n);
        var most = (rowPairs + columnPairs) / 2;
        // Both put everything in one group (or every item apart): they agree entirely.
        return most == expected ? 1 : (together - expected) / (most - expected);
    }
}
