namespace QmInsights.Domain.Forecasting;

/// <summary>A backtest without its points: the figures a table, a chart caption or an API answer shows. The top-level
/// figures are a week ahead; <see cref="Horizons"/> has every horizon with the baselines and interval coverage.</summary>
public sealed record BacktestSummary(
    string Interval,
    IReadOnlyList<DateTime> Origins,
    double HistoryWeeks,
    ErrorMetrics Volume,
    ErrorMetrics VolumeNaive,
    ErrorMetrics Handle,
    ErrorMetrics HandleNaive,
    IReadOnlyList<HorizonAccuracy> Horizons)
{
    public static BacktestSummary Of(BacktestReport r) =>
        new(r.Interval.Name(), r.Origins, r.HistoryWeeks, r.Volume, r.VolumeNaive, r.Handle, r.HandleNaive, r.Horizons);
}
