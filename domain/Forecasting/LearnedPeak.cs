namespace QmInsights.Domain.Forecasting;

/// <summary>A run of days the history itself shows as busy: workload (contacts x handle time) well above the same
/// weekday's recent norm.</summary>
/// <param name="From">First day (UTC).</param>
/// <param name="To">Last day (inclusive).</param>
/// <param name="WorkloadRatio">Highest day's workload over its norm.</param>
/// <param name="VolumeRatio">Contacts over the norm, that same day.</param>
/// <param name="HandleRatio">Mean handle time over the norm, that same day.</param>
public sealed record LearnedPeak(DateOnly From, DateOnly To, double WorkloadRatio, double VolumeRatio, double HandleRatio);
