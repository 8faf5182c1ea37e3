using QmInsights.Domain.Staffing;

namespace QmInsights.Domain.Forecasting;

/// <summary>A forecast interval and the Erlang C staffing its predicted volume and handle time need.</summary>
public sealed record StaffedInterval(ForecastRow Forecast, StaffingResult Staffing);
