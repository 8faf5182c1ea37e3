namespace QmInsights.Domain.Staffing;

/// <summary>Staffing for every interval of a forecast, in start order, and the interval that needs the most people.</summary>
/// <param name="Intervals">Per-interval requirements, ordered by start.</param>
/// <param name="Peak">The interval with the most agents scheduled (then on phones); the earliest wins a tie.</param>
public sealed record StaffingPlan(IReadOnlyList<IntervalStaffing> Intervals, IntervalStaffing Peak);
