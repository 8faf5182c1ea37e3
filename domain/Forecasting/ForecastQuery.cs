using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Forecasting;

/// <summary>What to forecast: a queue and channel (null: all), the interval, the horizon (null: the week after the
/// history) and the country whose holiday calendar applies (null: every declared peak).</summary>
public sealed record ForecastQuery(string? Queue, Channel? Channel, IntervalLength Length, DateTime? From, DateTime? To, string? Country);
