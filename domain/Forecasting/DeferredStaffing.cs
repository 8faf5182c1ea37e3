namespace QmInsights.Domain.Forecasting;

/// <summary>One interval of a deferred channel's staffing: the work arriving and the agents that keep every contact
/// answered within the response target.</summary>
/// <param name="Forecast">The interval's forecast.</param>
/// <param name="WorkSeconds">Handle plus after-call seconds arriving in the interval.</param>
/// <param name="AgentsWorking">Agents working the channel in the interval.</param>
/// <param name="AgentsScheduled">Agents to roster after shrinkage.</param>
/// <param name="Occupancy">Share of the agents' time the window's work takes.</param>
public sealed record DeferredInterval(ForecastRow Forecast, double WorkSeconds, int AgentsWorking, int AgentsScheduled, double Occupancy);

/// <summary>Staffing of deferred work (email, and chat unless it is run live): nobody waits on a line, so there is no
/// queue to model, only work to finish in time. Each interval needs enough agents, at the occupancy cap, to work the
/// contacts that arrived over the last response window within that window: a moving sum of workload over the target.</summary>
public static class DeferredStaffing
{
    /// <summary>Agents per interval of <paramref name="rows"/>, with <paramref name="workSeconds"/> each contact's handle plus
    /// after-call seconds (per interval).</summary>
    public static List<DeferredInterval> Staff(IReadOnlyList<ForecastRow> rows, IReadOnlyList<double> workSeconds, IntervalLength length, StaffingTargets targets)
    {
        if (targets.ResponseWithinSeconds <= 0) throw new ArgumentOutOfRangeException(nameof(targets), targets.ResponseWithinSeconds, "responseWithin: must be above 0 seconds");
        var span = length.Span().TotalSeconds;
        var window = Math.Max(1, (int)Math.Ceiling(targets.ResponseWithinSeconds / span));
        var work = rows.Select((r, k) => targets.Volume(r) * workSeconds[k]).ToArray();
        var result = new List<DeferredInterval>(rows.Count);
        double inWindow = 0;
        for (var k = 0; k < rows.Count; k++)
        {
            inWindow += work[k];
            if (k >= window) inWindow -= work[k - window];
            var capacity = Math.Min(window, k + 1) * span * targets.MaxOccupancy;
            var agents = (int)Math.Ceiling(Math.Max(0, inWindow) / capacity - 1e-9);
            var scheduled = Staffing.StaffingCalculator.Scheduled(agents, targets.Shrinkage);
            result.Add(new DeferredInterval(rows[k], work[k], agents, scheduled,
                agents == 0 ? 0 : Math.Max(0, inWindow) / (Math.Min(window, k + 1) * span * agents)));
        }
        return result;
    }
}
