namespace QmInsights.Domain.Forecasting;

/// <summary>Mean absolute error and mean absolute percentage error over <paramref name="N"/> intervals.</summary>
public sealed record ErrorMetrics(double Mae, double Mape, int N)
{
    public static ErrorMetrics Of(IReadOnlyCollection<(double Actual, double Predicted)> pairs)
    {
        if (pairs.Count == 0) return new ErrorMetrics(double.NaN, double.NaN, 0);
        return new ErrorMetrics(
            pairs.Average(p => Math.Abs(p.Actual - p.Predicted)),
            100 * pairs.Average(p => Math.Abs(p.Actual - p.Predicted) / p.Actual),
            pairs.Count);
    }
}
