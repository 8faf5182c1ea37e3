namespace QmInsights.Domain.Staffing;

/// <summary>One interval of a forecast day: when it starts and what it must handle.</summary>
/// <param name="Start">Start of the interval.</param>
/// <param name="Request">Volume, handle time and targets for the interval.</param>
public sealed record IntervalForecast(DateTimeOffset Start, StaffingRequest Request);
