namespace QmInsights.Domain.Forecasting;

/// <summary>The next peak day of a forecast, interval by interval with its staffing: what a report draws as "next peak outlook".</summary>
/// <param name="Day">The day (the centre's local calendar).</param>
/// <param name="Declared">True when a declared peak (campaign, holiday) chose the day; false when it is the day of most forecast workload.</param>
/// <param name="Intervals">Forecast and staffing of every interval of the day.</param>
/// <param name="Busiest">The interval needing the most agents scheduled.</param>
/// <param name="Backtest">How the forecast fared against the baselines.</param>
/// <param name="StaffedFor">The forecast volume staffed for.</param>
/// <param name="VolumeHoldsWithProbability">Probability that an interval's volume stays within the volume staffed for (null: point forecast).</param>
/// <param name="AfterCallWorkSecondsPerContact">After-call work added to each contact's handle time in the workload.</param>
public sealed record PeakOutlook(DateOnly Day, bool Declared, IReadOnlyList<StaffedInterval> Intervals, StaffedInterval Busiest, BacktestSummary Backtest,
    VolumeQuantile StaffedFor, double? VolumeHoldsWithProbability, double AfterCallWorkSecondsPerContact);
