namespace QmInsights.Domain.Analytics;

/// <summary>Benjamini-Hochberg false-discovery-rate adjustment over all tests of one analysis run.</summary>
public static class BenjaminiHochberg
{
    /// <summary>Adjusted p-values in the input order: p_(i) * m / i, made monotone from the largest down, capped at 1.
    /// A test is a discovery at FDR q when its adjusted p-value is at most q.</summary>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        var running = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            var index = order[rank - 1];
            // m / rank first: a factor of at least 1 keeps every adjusted value at or above its own p in floating
            // point too (p * m / m can round one ulp below p).
            running = Math.Min(running, pValues[index] * ((double)m / rank));
            adjusted[index] = Math.Min(1.0, running);
        }
        return adjusted;
    }
}
