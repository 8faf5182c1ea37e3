namespace QmInsights.Domain.Statistics.Reliability;

/// <summary>Krippendorff's alpha, 1 - D_o/D_e, as computed in Krippendorff (2011), "Computing Krippendorff's
/// Alpha-Reliability": any number of coders, missing values, nominal to ratio metrics.</summary>
public static class KrippendorffAlpha
{
    /// <summary>Alpha for a reliability data matrix (rows coders, columns units, null missing); null when undefined
    /// (no pairable values, or no variation at all, so no disagreement could be expected).</summary>
    public static double? FromCoders(IReadOnlyList<IReadOnlyList<double?>> codersByUnits, AlphaMetric metric) =>
        Of(CoincidenceMatrix.FromCoders(codersByUnits), metric);

    /// <summary>Alpha for the values each unit received; null when undefined.</summary>
    public static double? FromUnits(IEnumerable<IReadOnlyList<double>> units, AlphaMetric metric) =>
        Of(CoincidenceMatrix.FromUnits(units), metric);

    /// <summary>Alpha from a coincidence matrix; null when undefined.</summary>
    public static double? Of(CoincidenceMatrix matrix, AlphaMetric metric)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var n = matrix.PairableValues;
        if (n < 2) return null;

        var values = matrix.Values;
        var delta = SquaredDistances(matrix, metric);
        double observed = 0, expected = 0;
        for (var c = 0; c < values.Count; c++)
            for (var k = 0; k < values.Count; k++)
            {
                observed += matrix.Coincidences(c, k) * delta[c, k];
                expected += matrix.Margin(c) * matrix.Margin(k) * delta[c, k];
            }
        // D_o = observed / n and D_e = expected / (n (n - 1)); the ratio is taken without dividing twice.
        if (expected <= 0) return null;
        return 1 - (n - 1) * observed / expected;
    }

    /// <summary>The metric's squared difference δ²_ck between every pair of values in the matrix.</summary>
    public static double[,] SquaredDistances(CoincidenceMatrix matrix, AlphaMetric metric)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var values = matrix.Values;
        // The ratio metric measures distance relative to a true zero, which negative values do not have.
        if (metric == AlphaMetric.Ratio && values.Count > 0 && values[0] < 0)
            throw new ArgumentException("The ratio metric needs values of zero or more.", nameof(matrix));
        var delta = new double[values.Count, values.Count];
        for (var c = 0; c < values.Count; c++)
            for (var k = c + 1; k < values.Count; k++)
            {
                var d = metric switch
                {
                    AlphaMetric.Nominal => 1,
                    AlphaMetric.Interval => Square(values[c] - values[k]),
                    AlphaMetric.Ratio => Square((values[c] - values[k]) / (values[c] + values[k])),
                    AlphaMetric.Ordinal => Square(OrdinalSpan(matrix, c, k)),
                    _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric."),
                };
                delta[c, k] = d;
                delta[k, c] = d;
            }
        return delta;
    }

    // Ordinal distance is rank-based: the values between c and k weighted by how often they were used,
    // with the two ends counted half (Krippendorff 2011, ordinal metric).
    private static double OrdinalSpan(CoincidenceMatrix matrix, int c, int k)
    {
        double span = 0;
        for (var g = c; g <= k; g++) span += matrix.Margin(g);
        return span - (matrix.Margin(c) + matrix.Margin(k)) / 2;
    }

    private static double Square(double x) => x * x;
}
