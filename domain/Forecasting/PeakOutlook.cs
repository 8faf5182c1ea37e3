namespace QmInsights.Domain.Forecasting;

/// <summary>The next peak day of a forecast, interval by interval with its staffing: what a report draws as "next peak outlook".</summary>
/// <param name="Day">The day (UTC).</param>
/// <param name="Declared">True when a declared peak (campaign, holiday) chose the day; false when it is the day of most forecast workload.</param>
/// <param name="Intervals">Forecast and staffing of every interval of the day.</param>
/// <param name="Busiest">The interval needing the most agents scheduled.</param>
/// <param name="Backtest">How the forecast fared against seasonal-naive.</param>
public sealed record PeakOutlook(DateOnly Day, bool Declared, IReadOnlyList<StaffedInterval> Intervals, StaffedInterval Busiest, BacktestSummary Backtest);
