namespace QmInsights.Domain.Forecasting;

/// <summary>One interval of a backtest week: what happened, what the model said a week ahead, and what the
/// seasonal-naive baseline (the same interval a week earlier) said.</summary>
public sealed record BacktestPoint(
    DateTime Start,
    long Contacts,
    double? HandleSeconds,
    double PredictedVolume,
    double PredictedHandle,
    long NaiveVolume,
    double? NaiveHandle);
