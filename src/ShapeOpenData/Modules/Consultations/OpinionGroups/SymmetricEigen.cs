namespace ShapeOpenData.Modules.Consultations.OpinionGroups;

/// <summary>Eigenvalues and eigenvectors of a small symmetric matrix by cyclic Jacobi rotations (the Rayleigh–Ritz step).</summary>
internal static class SymmetricEigen
{
    /// <summary>The eigenvalues, largest first, and the eigenvectors as the columns of a matrix in the same order.</summary>
    public static (double[] Values, double[,] Vectors) Of(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var a = new double[n, n];
        var v = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                a[i, j] = (matrix[i, j] + matrix[j, i]) / 2;
            }
            v[i, i] = 1;
        }
        for (var sweep = 0; sweep < 100; sweep++)
        {
            double off = 0, scale = 0;
            for (var i = 0; i < n; i++)
            {
                scale += a[i, i] * a[i, i];
                for (var j = i + 1; j < n; j++)
                {
                    off += a[i, j] * a[i, j];
                }
            }
            if (off <= 1e-30 * scale || off == 0)
            {
                break;
            }
            for (var p = 0; p < n; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    if (a[p, q] == 0)
                    {
                        continue;
                    }
                    var theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    var t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0)
                    {
                        t = 1;
                    }
                    var c = 1 / Math.Sqrt(t * t + 1);
                    var s = t * c;
                    for (var k = 0; k < n; k++)
                    {
                        var akp = a[k, p];
                        var akq = a[k, q];
                        a[k, p] = c * akp - s * akq;
                        a[k, q] = s * akp + c * akq;
                    }
                    for (var k = 0; k < n; k++)
                    {
                        var apk = a[p, k];
                        var aqk = a[q, k];
                        a[p, k] = c * apk - s * aqk;
                        a[q, k] = s * apk + c * aqk;
                    }
                    for (var k = 0; k < n; k++)
                    {
                        var vkp = v[k, p];
                        var vkq = v[k, q];
                        v[k, p] = c * vkp - s * vkq;
                        v[k, q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        var order = Enumerable.Range(0, n).OrderByDescending(i => a[i, i]).ThenBy(i => i).ToArray();
        var values = new double[n];
        var vectors = new double[n, n];
        for (var j = 0; j < n; j++)
        {
            values[j] = a[order[j], order[j]];
            for (var i = 0; i < n; i++)
            {
                vectors[i, j] = v[i, order[j]];
            }
        }
        return (values, vectors);
    }
}
