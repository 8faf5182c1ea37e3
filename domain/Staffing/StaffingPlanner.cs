namespace QmInsights.Domain.Staffing;

/// <summary>Turns a forecast of intervals (a day in hours or quarter-hours) into a staffing plan.</summary>
public static class StaffingPlanner
{
    /// <summary>The required staffing of each interval in <paramref name="forecast"/>, and its peak.</summary>
    public static StaffingPlan Plan(IEnumerable<IntervalForecast> forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        var intervals = forecast
            .Select(f => f ?? throw new ArgumentException("The forecast holds a null interval.", nameof(forecast)))
            .OrderBy(f => f.Start)
            .Select(f => new IntervalStaffing(f.Start, StaffingCalculator.Required(f.Request)))
            .ToList();
        if (intervals.Count == 0)
            throw new ArgumentException("The forecast holds no interval, so it has no peak.", nameof(forecast));

        var peak = intervals[0];
        foreach (var interval in intervals.Skip(1))
            if (IsBusier(interval.Result, peak.Result)) peak = interval;
        return new StaffingPlan(intervals, peak);
    }

    // Headcount on the roster is what a planner pays for; agents on phones only break ties (same shrinkage rounding).
    private static bool IsBusier(StaffingResult candidate, StaffingResult peak) =>
        candidate.AgentsScheduled > peak.AgentsScheduled ||
        (candidate.AgentsScheduled == peak.AgentsScheduled && candidate.AgentsOnPhones > peak.AgentsOnPhones);
}
