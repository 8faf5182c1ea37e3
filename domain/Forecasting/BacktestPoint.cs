namespace QmInsights.Domain.Forecasting;

/// <summary>One interval of a backtest: what happened, what the model said <paramref name="Horizon"/> weeks ahead, and
/// what the two baselines said from the same origin: seasonal-naive (the same local time in the last known week) and the
/// mean of the same local time over the last four known weeks.</summary>
/// <param name="Start">Interval start (UTC).</param>
/// <param name="Horizon">Weeks between the origin and the interval's week (1: the week right after the origin).</param>
/// <param name="Open">Whether the centre was open then: the same local time had contacts in one of the four weeks before the origin.</param>
/// <param name="Contacts">Offered contacts (handled and abandoned).</param>
/// <param name="Handled">Handled contacts, whose mean handle time <paramref name="HandleSeconds"/> is.</param>
public sealed record BacktestPoint(
    DateTime Start,
    int Horizon,
    bool Open,
    long Contacts,
    long Handled,
    double? HandleSeconds,
    double PredictedVolume,
    double PredictedHandle,
    long NaiveVolume,
    double? NaiveHandle,
    double MeanVolume,
    double? MeanHandle);
