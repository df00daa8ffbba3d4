using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ShapeOpenData.Modules.Consultations.OpinionGroups;

/// <summary>
/// The two-dimensional opinion map (README convention 5). A missing vote is filled with the statement's mean, so once
/// the matrix is centred it is zero, and the centred matrix is exactly as sparse as the votes: its two principal
/// components are the top two eigenvectors of XᵀX, found by block power iteration (subspace iteration with a
/// Rayleigh–Ritz step) without ever building X densely. Statements moderated out are zeroed (convention 4).
/// </summary>
internal static class OpinionMap
{
    /// <summary>Four vectors iterated together: two components and two more to speed convergence.</summary>
    private const int Block = 4;

    /// <summary>Stop when ‖XᵀX v − λ v‖ ≤ this × the first eigenvalue, for both components.</summary>
    private const double Tolerance = 1e-7;

    /// <summary>
    /// Vote code → the centred value it stands for: the vote minus its statement's mean over everyone who voted on it,
    /// or 0 for a statement moderated out (convention 4).
    /// </summary>
    public static double[] CentredValues(VoteRows rows, bool[] moderatedOut)
    {
        // Integer tallies, so the means do not depend on the order of addition.
        var tallies = new int[Chunks.Count][];
        Chunks.Run(rows.VoteCount, c =>
        {
            var tally = tallies[c] = new int[rows.Statements * 4];
            var codes = rows.Codes;
            for (var p = rows.ChunkBounds[c]; p < rows.ChunkBounds[c + 1]; p++)
            {
                for (int k = rows.RowStart[p], end = rows.RowStart[p + 1]; k < end; k++)
                {
                    tally[codes[k]]++;
                }
            }
        });
        var centred = new double[rows.Statements * 4];
        for (var s = 0; s < rows.Statements; s++)
        {
            if (moderatedOut[s])
            {
                continue;
            }
            long disagree = 0, pass = 0, agree = 0;
            foreach (var tally in tallies)
            {
                disagree += tally[s * 4];
                pass += tally[s * 4 + 1];
                agree += tally[s * 4 + 2];
            }
            var votes = disagree + pass + agree;
            var mean = votes == 0 ? 0 : (double)(agree - disagree) / votes;
            centred[s * 4] = -1 - mean;
            centred[s * 4 + 1] = -mean;
            centred[s * 4 + 2] = 1 - mean;
        }
        return centred;
    }

    /// <summary>
    /// The first two principal components, one loading per statement, warm-started from the previous run's where given
    /// (and then signed to agree with them, so the map does not flip between runs).
    /// </summary>
    public static (double[] First, double[] Second, int Iterations) Components(
        VoteRows rows, double[] centred, double[]? previousFirst, double[]? previousSecond, Random random, int maxIterations)
    {
        var statements = rows.Statements;
        var q = new double[statements * Block];
        for (var s = 0; s < statements; s++)
        {
            for (var j = 0; j < Block; j++)
            {
                q[s * Block + j] = random.NextDouble() - 0.5;
            }
            if (previousFirst is not null && previousSecond is not null)
            {
                q[s * Block] = previousFirst[s];
                q[s * Block + 1] = previousSecond[s];
            }
        }
        Orthonormalise(q, statements);

        var buffers = new double[Chunks.Count][];
        var z = new double[statements * Block];
        var ritz = new double[statements * Block];
        var iterations = 0;
        while (iterations < maxIterations)
        {
            iterations++;
            MultiplyByCovariance(rows, centred, q, buffers, z);
            var h = new double[Block, Block];
            for (var s = 0; s < statements; s++)
            {
                for (var i = 0; i < Block; i++)
                {
                    for (var j = 0; j < Block; j++)
                    {
                        h[i, j] += q[s * Block + i] * z[s * Block + j];
                    }
                }
            }
            var (values, vectors) = SymmetricEigen.Of(h);
            Rotate(q, vectors, ritz, statements);
            Rotate(z, vectors, q, statements);
            // Now ritz holds the Ritz vectors and q holds XᵀX times them: their residuals say how near they are.
            var converged = values[0] <= 0;
            if (!converged)
            {
                converged = true;
                for (var j = 0; j < 2; j++)
                {
                    double residual = 0;
                    for (var s = 0; s < statements; s++)
                    {
                        var r = q[s * Block + j] - values[j] * ritz[s * Block + j];
                        residual += r * r;
                    }
                    converged &= Math.Sqrt(residual) <= Tolerance * values[0];
                }
            }
            if (converged)
            {
                break;
            }
            Orthonormalise(q, statements);
        }

        var first = new double[statements];
        var second = new double[statements];
        for (var s = 0; s < statements; s++)
        {
            first[s] = ritz[s * Block];
            second[s] = statements > 1 ? ritz[s * Block + 1] : 0;
        }
        Sign(first, previousFirst);
        Sign(second, previousSecond);
        return (first, second, iterations);
    }

    /// <summary>
    /// Each participant's place: their centred votes projected on the two components, times √(statements ÷ votes), so
    /// that someone who voted on few statements is not pulled to the middle (convention 5). A statement moderated out
    /// counts as voted on by everyone, as in Pol.is, whose zeroed column holds a 0 for every participant (convention 4).
    /// </summary>
    public static MapPosition[] Project(VoteRows rows, double[] centred, double[] first, double[] second, bool[] moderatedOut)
    {
        var positions = new MapPosition[rows.Participants];
        var moderatedCount = moderatedOut.Count(m => m);
        Chunks.Run(rows.VoteCount, c =>
        {
            var codes = rows.Codes;
            for (var p = rows.ChunkBounds[c]; p < rows.ChunkBounds[c + 1]; p++)
            {
                double x = 0, y = 0;
                var counted = moderatedCount;
                for (int k = rows.RowStart[p], end = rows.RowStart[p + 1]; k < end; k++)
                {
                    var code = codes[k];
                    var s = VoteRows.StatementOf(code);
                    if (moderatedOut[s])
                    {
                        continue;
                    }
                    counted++;
                    x += centred[code] * first[s];
                    y += centred[code] * second[s];
                }
                var scale = Math.Sqrt((double)rows.Statements / Math.Max(counted, 1));
                positions[p] = new MapPosition(x * scale, y * scale);
            }
        });
        return positions;
    }

    /// <summary>z = XᵀX q, one pass over the votes: each participant's row times q, then back along the same row.</summary>
    private static void MultiplyByCovariance(VoteRows rows, double[] centred, double[] q, double[]?[] buffers, double[] z)
    {
        Chunks.Run(rows.VoteCount, c =>
        {
            var sum = buffers[c] ??= new double[z.Length];
            Array.Clear(sum);
            var codes = rows.Codes;
            var rowStart = rows.RowStart;
            ref var qStart = ref MemoryMarshal.GetArrayDataReference(q);
            ref var sumStart = ref MemoryMarshal.GetArrayDataReference(sum);
            for (var p = rows.ChunkBounds[c]; p < rows.ChunkBounds[c + 1]; p++)
            {
                int start = rowStart[p], end = rowStart[p + 1];
                var t = Vector256<double>.Zero;
                for (var k = start; k < end; k++)
                {
                    var code = codes[k];
                    // Block is 4, so the statement's row of q starts at statement × 4 = the code without its vote bits.
                    t += Vector256.Create(centred[code]) * Vector256.LoadUnsafe(ref qStart, (nuint)(code & ~3));
                }
                for (var k = start; k < end; k++)
                {
                    var code = codes[k];
                    var at = (nuint)(code & ~3);
                    (Vector256.LoadUnsafe(ref sumStart, at) + Vector256.Create(centred[code]) * t).StoreUnsafe(ref sumStart, at);
                }
            }
        });
        Array.Clear(z);
        foreach (var sum in buffers)
        {
            for (var i = 0; i < z.Length; i++)
            {
                z[i] += sum![i];
            }
        }
    }

    /// <summary>target = source × rotation (each statement's row of four times the 4 × 4 matrix).</summary>
    private static void Rotate(double[] source, double[,] rotation, double[] target, int statements)
    {
        for (var s = 0; s < statements; s++)
        {
            for (var j = 0; j < Block; j++)
            {
                double value = 0;
                for (var i = 0; i < Block; i++)
                {
                    value += source[s * Block + i] * rotation[i, j];
                }
                target[s * Block + j] = value;
            }
        }
    }

    /// <summary>Modified Gram–Schmidt, twice for accuracy; a column with nothing left becomes zero.</summary>
    private static void Orthonormalise(double[] q, int statements)
    {
        for (var pass = 0; pass < 2; pass++)
        {
            for (var j = 0; j < Block; j++)
            {
                for (var i = 0; i < j; i++)
                {
                    double dot = 0;
                    for (var s = 0; s < statements; s++)
                    {
                        dot += q[s * Block + i] * q[s * Block + j];
                    }
                    for (var s = 0; s < statements; s++)
                    {
                        q[s * Block + j] -= dot * q[s * Block + i];
                    }
                }
                double norm = 0;
                for (var s = 0; s < statements; s++)
                {
                    norm += q[s * Block + j] * q[s * Block + j];
                }
                norm = Math.Sqrt(norm);
                var scale = norm > 1e-12 ? 1 / norm : 0;
                for (var s = 0; s < statements; s++)
                {
                    q[s * Block + j] *= scale;
                }
            }
        }
    }

    /// <summary>Points the component the way the previous one pointed, or else its largest loading positive.</summary>
    private static void Sign(double[] component, double[]? previous)
    {
        double direction = 0;
        if (previous is not null)
        {
            for (var s = 0; s < component.Length; s++)
            {
                direction += component[s] * previous[s];
            }
        }
        if (direction == 0)
        {
            var largest = 0;
            for (var s = 1; s < component.Length; s++)
            {
                if (Math.Abs(component[s]) > Math.Abs(component[largest]))
                {
                    largest = s;
                }
            }
            direction = component.Length == 0 ? 1 : component[largest];
        }
        if (direction < 0)
        {
            for (var s = 0; s < component.Length; s++)
            {
                component[s] = -component[s];
            }
        }
    }
}
