namespace QmInsights.Domain.Statistics.Reliability;

/// <summary>The two-way ANOVA mean squares of a complete targets x judges matrix, in Shrout and Fleiss's (1979) names.</summary>
/// <param name="Targets">n, the number of targets (rows).</param>
/// <param name="Judges">k, the number of judges (columns).</param>
/// <param name="Bms">Between-targets mean square, df n - 1.</param>
/// <param name="Wms">Within-target mean square (judges and residual pooled), df n(k - 1).</param>
/// <param name="Jms">Between-judges mean square, df k - 1.</param>
/// <param name="Ems">Residual (error) mean square, df (n - 1)(k - 1).</param>
public sealed record IccMeanSquares(int Targets, int Judges, double Bms, double Wms, double Jms, double Ems)
{
    /// <summary>Computes the mean squares; throws unless the matrix is complete, finite and at least 2 x 2.</summary>
    public static IccMeanSquares Of(IReadOnlyList<IReadOnlyList<double>> targetsByJudges)
    {
        ArgumentNullException.ThrowIfNull(targetsByJudges);
        var n = targetsByJudges.Count;
        if (n < 2) throw new ArgumentException("At least two targets are needed.", nameof(targetsByJudges));
        var k = targetsByJudges[0].Count;
        if (k < 2) throw new ArgumentException("At least two judges are needed.", nameof(targetsByJudges));
        for (var i = 0; i < n; i++)
        {
            if (targetsByJudges[i].Count != k)
                throw new ArgumentException(
                    $"Every target needs a rating from every judge: target {i} has {targetsByJudges[i].Count}, target 0 has {k}.",
                    nameof(targetsByJudges));
            if (targetsByJudges[i].Any(v => !double.IsFinite(v)))
                throw new ArgumentException($"Target {i} has a value that is not a finite number.", nameof(targetsByJudges));
        }

        var grand = targetsByJudges.Sum(r => r.Sum()) / (n * k);
        // Deviations from the grand mean keep the sums of squares accurate for scores far from zero.
        double total = 0, targets = 0, judges = 0;
        foreach (var row in targetsByJudges)
        {
            targets += Square(row.Average() - grand);
            foreach (var v in row) total += Square(v - grand);
        }
        for (var j = 0; j < k; j++)
        {
            double sum = 0;
            for (var i = 0; i < n; i++) sum += targetsByJudges[i][j];
            judges += Square(sum / n - grand);
        }
        targets *= k;
        judges *= n;
        var within = total - targets;
        var error = within - judges;
        return new IccMeanSquares(n, k,
            targets / (n - 1),
            Math.Max(0, within) / (n * (k - 1)),
            judges / (k - 1),
            Math.Max(0, error) / ((n - 1) * (k - 1))); // rounding can leave a perfect fit a hair below zero
    }

    private static double Square(double x) => x * x;
}
