namespace QmInsights.Domain.Forecasting;

/// <summary>A forecast, the backtest that calibrated its intervals, and the after-call work each contact brings besides
/// its handle time (the recent mean per contact), which staffing adds to the workload.</summary>
public sealed record HandleTimeForecast(IReadOnlyList<ForecastRow> Rows, BacktestReport Backtest, double AfterCallWorkSecondsPerContact);
