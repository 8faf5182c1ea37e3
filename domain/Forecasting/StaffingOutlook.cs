using QmInsights.Domain.Staffing;

namespace QmInsights.Domain.Forecasting;

/// <summary>Turns a forecast into staffing (through the existing <see cref="StaffingPlanner"/>) and finds its next peak.
/// The workload of a contact is its forecast handle time plus the recent after-call work per contact; the volume is the
/// one <see cref="StaffingTargets.StaffFor"/> chooses.</summary>
public static class StaffingOutlook
{
    public static List<StaffedInterval> Staff(HandleTimeForecast forecast, IntervalLength length, StaffingTargets targets) =>
        Staff(forecast.Rows, length, targets, forecast.AfterCallWorkSecondsPerContact);

    /// <summary>Staffing with <paramref name="extraHandleSeconds"/> added to every contact's work (a quality scenario).</summary>
    public static List<StaffedInterval> Staff(IReadOnlyList<ForecastRow> rows, IntervalLength length, StaffingTargets targets,
        double afterCallWorkSeconds, double extraHandleSeconds = 0)
    {
        if (rows.Count == 0) return [];
        var byStart = rows.ToDictionary(r => r.IntervalStart);
        var plan = StaffingPlanner.Plan(rows.Select(r => new IntervalForecast(r.IntervalStart,
            targets.Request(targets.Volume(r), length.Span(), r.HandleSeconds + afterCallWorkSeconds + extraHandleSeconds))));
        return plan.Intervals.Select(i => new StaffedInterval(byStart[i.Start], i.Result)).ToList();
    }

    /// <summary>Deferred-channel staffing of the forecast: workload over the response target, no queue.</summary>
    public static List<DeferredInterval> StaffDeferred(HandleTimeForecast forecast, IntervalLength length, StaffingTargets targets) =>
        DeferredStaffing.Staff(forecast.Rows, forecast.Rows.Select(r => r.HandleSeconds + forecast.AfterCallWorkSecondsPerContact).ToList(),
            length, targets);

    /// <summary>The first declared peak day (local) of the forecast, else its day of most workload (contacts x handle time).</summary>
    public static PeakOutlook NextPeak(HandleTimeForecast forecast, IntervalLength length, StaffingTargets targets)
    {
        if (forecast.Rows.Count == 0) throw new ArgumentException("The forecast holds no interval.", nameof(forecast));
        var days = forecast.Rows.GroupBy(r => DateOnly.FromDateTime(r.LocalStart.DateTime)).ToList();
        var declared = days.FirstOrDefault(d => d.Any(r => r.DeclaredPeak));
        var day = declared ?? days.MaxBy(d => d.Sum(r => r.Volume * r.HandleSeconds))!;
        var staffed = Staff(day.ToList(), length, targets, forecast.AfterCallWorkSecondsPerContact);
        var busiest = staffed.MaxBy(s => (s.Staffing.AgentsScheduled, s.Staffing.AgentsOnPhones))!;
        return new PeakOutlook(day.Key, declared is not null, staffed, busiest, BacktestSummary.Of(forecast.Backtest),
            targets.StaffFor, targets.VolumeHoldsWithProbability, forecast.AfterCallWorkSecondsPerContact);
    }
}
