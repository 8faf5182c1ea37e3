using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace QmInsights.Domain.Analytics;

/// <summary>Least squares, optionally weighted (inverse inclusion probabilities) and with standard errors clustered
/// (contacts of one agent are not independent): each coefficient with its 95% confidence interval and two-sided
/// p-value. Clustered errors are CR1, the sandwich (X'WX)^-1 (sum_g s_g s_g') (X'WX)^-1 with s_g = sum over the
/// cluster of w x u, scaled by G/(G-1) (N-1)/(N-K), with Student t on G - 1 degrees of freedom (Cameron &amp; Miller
/// 2015, "A Practitioner's Guide to Cluster-Robust Inference", J. Human Resources 50(2), section VI.C); without
/// clusters, classical errors on N - K degrees of freedom.</summary>
public sealed class LinearModel
{
    public IReadOnlyList<string> Names { get; }
    public double[] Coefficients { get; }
    public double[] StandardErrors { get; }
    public int Observations { get; }
    public int DegreesOfFreedom { get; }
    /// <summary>Clusters the errors were computed over; null for classical errors.</summary>
    public int? Clusters { get; }
    private readonly Matrix<double> _covariance;

    private LinearModel(IReadOnlyList<string> names, double[] coefficients, Matrix<double> covariance, int n, int df, int? clusters)
    {
        Names = names;
        Coefficients = coefficients;
        _covariance = covariance;
        StandardErrors = Enumerable.Range(0, names.Count).Select(i => Math.Sqrt(Math.Max(0, covariance[i, i]))).ToArray();
        Observations = n;
        DegreesOfFreedom = df;
        Clusters = clusters;
    }

    /// <summary>Fits y on the columns of x (an intercept is added). Columns that are constant or exact combinations
    /// of earlier ones are dropped, so sparse dummies never make the fit fail.</summary>
    /// <param name="weights">Row weights (e.g. inverse inclusion probabilities); all 1 when null.</param>
    /// <param name="clusters">Each row's cluster (e.g. its agent) for cluster-robust errors; classical when null.</param>
    /// <param name="absorbed">Parameters already removed from y and x before the call (fixed effects swept out by
    /// demeaning): they count against the classical degrees of freedom, not against clustered ones, where they are
    /// nested in the clusters.</param>
    public static LinearModel Fit(IReadOnlyList<double[]> rows, IReadOnlyList<double> y, IReadOnlyList<string> names,
        IReadOnlyList<double>? weights = null, IReadOnlyList<string>? clusters = null, int absorbed = 0)
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
            Extend(rows[r], row);
            var w = weights?[r] ?? 1;
            for (var i = 0; i < width; i++)
            {
                // Most columns are dummies and zero on most rows: skipping them keeps wide designs cheap.
                if (row[i] == 0) continue;
                var wi = w * row[i];
                xty[i] += wi * y[r];
                for (var j = i; j < width; j++) xtx[i, j] += wi * row[j];
            }
            yty += w * y[r] * y[r];
        }
        for (var i = 0; i < width; i++)
            for (var j = 0; j < i; j++) xtx[i, j] = xtx[j, i];

        var kept = Independent(xtx, width);
        var p = kept.Count;
        if (n <= p + absorbed) throw new ArgumentException($"{n} observations cannot fit {p + absorbed} coefficients", nameof(rows));
        var a = Matrix<double>.Build.Dense(p, p, (i, j) => xtx[kept[i], kept[j]]);
        var b = Vector<double>.Build.Dense(p, i => xty[kept[i]]);
        var inverse = a.Inverse();
        var beta = inverse * b;
        var keptNames = kept.Select(k => k == 0 ? "(intercept)" : names[k - 1]).ToList();

        if (clusters is null)
        {
            // Residual sum of squares from the normal equations: y'Wy - b'X'Wy.
            var rss = Math.Max(0, yty - beta.DotProduct(b));
            var df = n - p - absorbed;
            return new LinearModel(keptNames, beta.ToArray(), inverse * (rss / df), n, df, null);
        }

        // The meat: each cluster's summed score w x u, outer products added up.
        var scores = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var r = 0; r < n; r++)
        {
            Extend(rows[r], row);
            var fitted = 0.0;
            for (var i = 0; i < p; i++) fitted += beta[i] * row[kept[i]];
            var wu = (weights?[r] ?? 1) * (y[r] - fitted);
            if (!scores.TryGetValue(clusters[r], out var s)) scores[clusters[r]] = s = new double[p];
            for (var i = 0; i < p; i++) s[i] += wu * row[kept[i]];
        }
        var g = scores.Count;
        if (g < 2) throw new ArgumentException("clustered errors need at least 2 clusters", nameof(clusters));
        var meat = Matrix<double>.Build.Dense(p, p);
        foreach (var s in scores.Values)
            for (var i = 0; i < p; i++)
                for (var j = 0; j < p; j++) meat[i, j] += s[i] * s[j];
        var scale = g / (g - 1.0) * (n - 1.0) / (n - p);
        return new LinearModel(keptNames, beta.ToArray(), inverse * meat * inverse * scale, n, g - 1, g);
    }

    private static void Extend(double[] values, double[] row)
    {
        row[0] = 1;
        Array.Copy(values, 0, row, 1, values.Length);
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

    /// <summary>A linear combination of coefficients (name to multiplier) with its standard error from the full
    /// covariance, e.g. one evaluator's coefficient minus the mean of all; null when a named column was dropped.</summary>
    public (double Estimate, double StandardError)? Combination(IReadOnlyDictionary<string, double> multipliers)
    {
        var a = Vector<double>.Build.Dense(Names.Count);
        foreach (var (name, multiplier) in multipliers)
        {
            var i = Names.ToList().IndexOf(name);
            if (i < 0) return null;
            a[i] = multiplier;
        }
        return (a.DotProduct(Vector<double>.Build.DenseOfArray(Coefficients)), Math.Sqrt(Math.Max(0, (_covariance * a).DotProduct(a))));
    }

    /// <summary>Joint Wald test that the named coefficients are all zero, from the model's (clustered or classical)
    /// covariance: F = b'V^-1 b / q on q and the model's degrees of freedom (Stata's <c>test</c> after <c>regress</c>).
    /// Columns dropped as redundant are left out of q; null when none of them is left.</summary>
    public (double F, int Df1, int Df2, double P)? Wald(IReadOnlyList<string> names)
    {
        var index = names.Select(n => Names.ToList().IndexOf(n)).Where(i => i >= 0).ToArray();
        if (index.Length == 0) return null;
        var b = Vector<double>.Build.Dense(index.Length, k => Coefficients[index[k]]);
        var v = Matrix<double>.Build.Dense(index.Length, index.Length, (r, c) => _covariance[index[r], index[c]]);
        // A covariance singular in the tested block (e.g. fewer clusters than coefficients) has no Wald test.
        if (v.Rank() < index.Length) return null;
        var f = v.Solve(b).DotProduct(b) / index.Length;
        return (f, index.Length, DegreesOfFreedom, 1 - FisherSnedecor.CDF(index.Length, DegreesOfFreedom, f));
    }

    /// <summary>The two-sided Student t critical value at <paramref name="level"/> on the model's degrees of freedom.</summary>
    public double Critical(double level) => StudentT.InvCDF(0, 1, DegreesOfFreedom, 1 - (1 - level) / 2);

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
