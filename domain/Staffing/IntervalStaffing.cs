namespace QmInsights.Domain.Staffing;

/// <summary>The staffing an interval of a forecast needs.</summary>
/// <param name="Start">Start of the interval.</param>
/// <param name="Result">Required agents and the performance they give.</param>
public sealed record IntervalStaffing(DateTimeOffset Start, StaffingResult Result);
