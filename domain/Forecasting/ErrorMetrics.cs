namespace QmInsights.Domain.Forecasting;

/// <summary>Accuracy of a forecast over <paramref name="N"/> intervals, none left out: volume pairs weigh one each,
/// handle-time pairs weigh their contacts (so the figures are errors of workload, and a quiet hour counts for what it holds).</summary>
/// <param name="N">Intervals evaluated.</param>
/// <param name="Mae">Mean absolute error (weighted).</param>
/// <param name="Wape">Weighted absolute percentage error: total absolute error over total actual, in percent.</param>
/// <param name="Mase">Mean absolute scaled error: MAE over the in-sample MAE of seasonal-naive (below 1 beats it).</param>
/// <param name="BiasPercent">Total forecast minus total actual, in percent of the actual (positive: over-forecast).</param>
/// <param name="Mape">Mean absolute percentage error over the <paramref name="MapeN"/> intervals with a non-zero actual.</param>
/// <param name="MapeN">Intervals MAPE could use (an actual of zero has no percentage error).</param>
public sealed record ErrorMetrics(int N, double Mae, double Wape, double Mase, double BiasPercent, double Mape, int MapeN)
{
    /// <summary>The metrics of <paramref name="pairs"/> with <paramref name="scale"/> the in-sample seasonal-naive MAE.</summary>
    public static ErrorMetrics Of(IReadOnlyCollection<(double Actual, double Predicted, double Weight)> pairs, double scale)
    {
        double weight = 0, absolute = 0, actual = 0, signed = 0, percent = 0;
        var mapeN = 0;
        foreach (var (a, p, w) in pairs)
        {
            weight += w;
            absolute += w * Math.Abs(p - a);
            signed += w * (p - a);
            actual += w * a;
            if (a > 0)
            {
                percent += Math.Abs(p - a) / a;
                mapeN++;
            }
        }
        if (weight == 0) return new ErrorMetrics(pairs.Count, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0);
        var mae = absolute / weight;
        return new ErrorMetrics(pairs.Count, mae, 100 * absolute / actual, scale > 0 ? mae / scale : double.NaN,
            100 * signed / actual, mapeN > 0 ? 100 * percent / mapeN : double.NaN, mapeN);
    }

    /// <summary>How much lower this WAPE is than <paramref name="baseline"/>'s, in percent of the latter.</summary>
    public double WapeImprovementOver(ErrorMetrics baseline) => 100 * (1 - Wape / baseline.Wape);
}
