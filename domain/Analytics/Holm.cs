namespace QmInsights.Domain.Analytics;

/// <summary>Holm's step-down adjustment (Holm 1979, "A simple sequentially rejective multiple test procedure",
/// Scand. J. Statistics 6(2), 65-70): controls the chance of any false claim in the family, under any dependence.</summary>
public static class Holm
{
    /// <summary>Adjusted p-values in the input order: the i-th smallest p times (m - i + 1), made monotone from the
    /// smallest up, capped at 1. A hypothesis is rejected at family-wise level a when its adjusted p is at most a.</summary>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        var running = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            running = Math.Max(running, Math.Min(1.0, (m - rank) * pValues[order[rank]]));
            adjusted[order[rank]] = running;
        }
        return adjusted;
    }
}
