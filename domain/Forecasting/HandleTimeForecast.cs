namespace QmInsights.Domain.Forecasting;

/// <summary>A forecast and the backtest that calibrated its intervals.</summary>
public sealed record HandleTimeForecast(IReadOnlyList<ForecastRow> Rows, BacktestReport Backtest);
