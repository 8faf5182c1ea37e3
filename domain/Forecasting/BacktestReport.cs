namespace QmInsights.Domain.Forecasting;

/// <summary>Rolling-origin backtest: the model against seasonal-naive on the same weeks.</summary>
/// <param name="Interval">Granularity of the series.</param>
/// <param name="Origins">Forecast origins, one week apart; each forecast the week after it.</param>
/// <param name="HistoryWeeks">Weeks of history the series held.</param>
/// <param name="Volume">Model error on volume (MAE over every interval; MAPE over intervals with at least the minimum contacts).</param>
/// <param name="VolumeNaive">Seasonal-naive error on the same intervals.</param>
/// <param name="Handle">Model error on mean handle seconds over intervals with at least the minimum contacts.</param>
/// <param name="HandleNaive">Seasonal-naive error on the same intervals.</param>
/// <param name="Points">Every interval evaluated, for the prediction intervals and for charts.</param>
public sealed record BacktestReport(
    IntervalLength Interval,
    IReadOnlyList<DateTime> Origins,
    double HistoryWeeks,
    ErrorMetrics Volume,
    ErrorMetrics VolumeNaive,
    ErrorMetrics Handle,
    ErrorMetrics HandleNaive,
    IReadOnlyList<BacktestPoint> Points)
{
    /// <summary>How much lower the model's handle-time MAPE is than seasonal-naive's, in percent of the latter.</summary>
    public double HandleMapeImprovementPercent => 100 * (1 - Handle.Mape / HandleNaive.Mape);

    /// <summary>How much lower the model's volume MAPE is than seasonal-naive's, in percent of the latter.</summary>
    public double VolumeMapeImprovementPercent => 100 * (1 - Volume.Mape / VolumeNaive.Mape);
}
