namespace QmInsights.Domain.Analytics;

/// <summary>Group fixed effects swept out by demeaning (Frisch-Waugh-Lovell): every column and the outcome minus its
/// group's weighted mean, so a model with one dummy per group is fitted on the other columns alone, with the same
/// coefficients and residuals, at the cost of those columns rather than of one column per group.</summary>
public static class WithinTransform
{
    /// <summary>Demeans <paramref name="x"/> and <paramref name="y"/> in place within each of <paramref name="groups"/>;
    /// returns the number of groups, the parameters absorbed (<see cref="LinearModel.Fit"/>'s <c>absorbed</c>).
    /// Columns constant within every group become zero and are dropped by the fit.</summary>
    public static int Sweep(IReadOnlyList<double[]> x, IList<double> y, IReadOnlyList<double> weights, IReadOnlyList<string> groups)
    {
        var width = x.Count == 0 ? 0 : x[0].Length;
        var byGroup = Enumerable.Range(0, x.Count).GroupBy(i => groups[i], StringComparer.Ordinal).ToList();
        foreach (var g in byGroup)
        {
            var total = g.Sum(i => weights[i]);
            var yMean = g.Sum(i => weights[i] * y[i]) / total;
            var xMean = new double[width];
            foreach (var i in g)
                for (var c = 0; c < width; c++) xMean[c] += weights[i] * x[i][c] / total;
            foreach (var i in g)
            {
                y[i] -= yMean;
                for (var c = 0; c < width; c++) x[i][c] -= xMean[c];
            }
        }
        // Rounding leaves near-zero dust in swept-out columns; clear it so they are recognised as redundant.
        for (var c = 0; c < width; c++)
            if (x.All(r => Math.Abs(r[c]) < 1e-9)) foreach (var r in x) r[c] = 0;
        return byGroup.Count;
    }
}
