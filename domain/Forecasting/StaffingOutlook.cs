using QmInsights.Domain.Staffing;

namespace QmInsights.Domain.Forecasting;

/// <summary>Turns a forecast into staffing (through the existing <see cref="StaffingPlanner"/>) and finds its next peak.</summary>
public static class StaffingOutlook
{
    public static List<StaffedInterval> Staff(IReadOnlyList<ForecastRow> rows, IntervalLength length, StaffingTargets targets) =>
        Staff(rows, length, targets, 0);

    /// <summary>Staffing with <paramref name="extraHandleSeconds"/> added to every contact's handle time (a quality scenario).</summary>
    public static List<StaffedInterval> Staff(IReadOnlyList<ForecastRow> rows, IntervalLength length, StaffingTargets targets, double extraHandleSeconds)
    {
        if (rows.Count == 0) return [];
        var byStart = rows.ToDictionary(r => r.IntervalStart);
        var plan = StaffingPlanner.Plan(rows.Select(r =>
            new IntervalForecast(r.IntervalStart, targets.Request(r.Volume, length.Span(), r.HandleSeconds + extraHandleSeconds))));
        return plan.Intervals.Select(i => new StaffedInterval(byStart[i.Start], i.Result)).ToList();
    }

    /// <summary>The first declared peak day of the forecast, else its day of most workload (contacts x handle time).</summary>
    public static PeakOutlook NextPeak(HandleTimeForecast forecast, IntervalLength length, StaffingTargets targets)
    {
        if (forecast.Rows.Count == 0) throw new ArgumentException("The forecast holds no interval.", nameof(forecast));
        var days = forecast.Rows.GroupBy(r => DateOnly.FromDateTime(r.LocalStart.DateTime)).ToList();
        var declared = days.FirstOrDefault(d => d.Any(r => r.DeclaredPeak));
        var day = declared ?? days.MaxBy(d => d.Sum(r => r.Volume * r.HandleSeconds))!;
        var staffed = Staff(day.ToList(), length, targets);
        var busiest = staffed.MaxBy(s => (s.Staffing.AgentsScheduled, s.Staffing.AgentsOnPhones))!;
        return new PeakOutlook(day.Key, declared is not null, staffed, busiest, BacktestSummary.Of(forecast.Backtest));
    }
}
