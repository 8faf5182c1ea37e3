using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace QmInsights.Domain.Analytics;

/// <summary>Ordinary least squares with classical standard errors: each coefficient with its 95% confidence interval
/// and two-sided p-value (Student t with n - p degrees of freedom).</summary>
public sealed class LinearModel
{
    public IReadOnlyList<string> Names { get; }
    public double[] Coefficients { get; }
    public double[] StandardErrors { get; }
    public int Observations { get; }
    public int DegreesOfFreedom { get; }

    private LinearModel(IReadOnlyList<string> names, double[] coefficients, double[] errors, int n, int df)
    {
        Names = names;
        Coefficients = coefficients;
        StandardErrors = errors;
        Observations = n;
        DegreesOfFreedom = df;
    }

    /// <summary>Fits y on the columns of x (an intercept is added). Columns that are constant or exact combinations
    /// of earlier ones are dropped, so sparse dummies never make the fit fail.</summary>
    public static LinearModel Fit(IReadOnlyList<double[]> rows, IReadOnlyList<double> y, IReadOnlyList<string> names)
    {
        var n = rows.Count;
        var width = names.Count + 1;
        // Normal equations over [intercept, columns...]: p x p, so the cost does not grow with n beyond one pass.
        var xtx = new double[width, width];
        var xty = new double[width];
        var yty = 0.0;
        var row = new double[width];
        for (var r = 0; r < n; r++)
        {
            row[0] = 1;
            Array.Copy(rows[r], 0, row, 1, names.Count);
            for (var i = 0; i < width; i++)
            {
                xty[i] += row[i] * y[r];
                for (var j = i; j < width; j++) xtx[i, j] += row[i] * row[j];
            }
            yty += y[r] * y[r];
        }
        for (var i = 0; i < width; i++)
            for (var j = 0; j < i; j++) xtx[i, j] = xtx[j, i];

        var kept = Independent(xtx, width);
        var p = kept.Count;
        if (n <= p) throw new ArgumentException($"{n} observations cannot fit {p} coefficients", nameof(rows));
        var a = Matrix<double>.Build.Dense(p, p, (i, j) => xtx[kept[i], kept[j]]);
        var b = Vector<double>.Build.Dense(p, i => xty[kept[i]]);
        var inverse = a.Inverse();
        var beta = inverse * b;
        // Residual sum of squares from the normal equations: y'y - b'X'y.
        var rss = Math.Max(0, yty - beta.DotProduct(b));
        var df = n - p;
        var sigma2 = rss / df;
        var errors = Enumerable.Range(0, p).Select(i => Math.Sqrt(Math.Max(0, sigma2 * inverse[i, i]))).ToArray();
        var keptNames = kept.Select(k => k == 0 ? "(intercept)" : names[k - 1]).ToList();
        return new LinearModel(keptNames, beta.ToArray(), errors, n, df);
    }

    // Greedy pivot-free Cholesky: a column is kept when what it adds beyond the kept ones is not (numerically) zero.
    private static List<int> Independent(double[,] xtx, int width)
    {
        var kept = new List<int>();
        var l = new List<double[]>(); // rows of the Cholesky factor of the kept block
        for (var c = 0; c < width; c++)
        {
            var v = new double[kept.Count];
            for (var i = 0; i < kept.Count; i++)
            {
                var sum = xtx[kept[i], c];
                for (var k = 0; k < i; k++) sum -= l[i][k] * v[k];
                v[i] = sum / l[i][i];
            }
            var residual = xtx[c, c] - v.Sum(x => x * x);
            if (residual <= 1e-9 * Math.Max(1e-300, xtx[c, c])) continue;
            var newRow = new double[kept.Count + 1];
            Array.Copy(v, newRow, v.Length);
            newRow[kept.Count] = Math.Sqrt(residual);
            l.Add(newRow);
            kept.Add(c);
        }
        return kept;
    }

    /// <summary>The coefficient named <paramref name="name"/> with its 95% interval and two-sided p-value; null when the
    /// column was dropped as redundant.</summary>
    public (double Estimate, double Low, double High, double P)? Effect(string name)
    {
        var i = Names.ToList().IndexOf(name);
        if (i < 0) return null;
        var b = Coefficients[i];
        var se = StandardErrors[i];
        var t = StudentT.InvCDF(0, 1, DegreesOfFreedom, 0.975);
        var p = se > 0 ? 2 * (1 - StudentT.CDF(0, 1, DegreesOfFreedom, Math.Abs(b / se))) : (b == 0 ? 1 : 0);
        return (b, b - t * se, b + t * se, p);
    }
}
