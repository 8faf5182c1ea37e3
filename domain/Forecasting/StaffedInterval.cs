using QmInsights.Domain.Staffing;

namespace QmInsights.Domain.Forecasting;

/// <summary>A forecast interval and the Erlang C (or Erlang A) staffing its volume and workload need.</summary>
public sealed record StaffedInterval(ForecastRow Forecast, StaffingResult Staffing);
