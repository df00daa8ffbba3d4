namespace ShapeOpenData.Modules.Consultations.OpinionGroups;

/// <summary>
/// Work split into a fixed number of chunks, run in parallel, each adding into its own buffer; the buffers are then
/// added in chunk order. The split never depends on the machine or the scheduler, so sums in floating point come out
/// the same on every run: the engine is deterministic.
/// </summary>
internal static class Chunks
{
    public const int Count = 16;

    /// <summary>Below this much work a chunk is not worth a thread.</summary>
    private const long ParallelFrom = 20_000;

    /// <summary>Chunk c covers items [bounds[c], bounds[c + 1]) of a list of <paramref name="length"/>.</summary>
    public static int[] Even(int length)
    {
        var bounds = new int[Count + 1];
        for (var c = 0; c <= Count; c++)
        {
            bounds[c] = (int)((long)length * c / Count);
        }
        return bounds;
    }

    /// <summary>Chunks of about the same weight, for rows whose cumulative weight (CSR row starts) is given.</summary>
    public static int[] ByWeight(ReadOnlySpan<int> cumulative)
    {
        var rows = cumulative.Length - 1;
        var total = (long)cumulative[rows];
        var bounds = new int[Count + 1];
        var row = 0;
        for (var c = 1; c < Count; c++)
        {
            var target = total * c / Count;
            while (row < rows && cumulative[row] < target)
            {
                row++;
            }
            bounds[c] = row;
        }
        bounds[Count] = rows;
        return bounds;
    }

    /// <summary>Runs <paramref name="body"/> for every chunk, in parallel when <paramref name="work"/> is worth it.</summary>
    public static void Run(long work, Action<int> body)
    {
        if (work < ParallelFrom)
        {
            for (var c = 0; c < Count; c++)
            {
                body(c);
            }
        }
        else
        {
            Parallel.For(0, Count, body);
        }
    }
}
