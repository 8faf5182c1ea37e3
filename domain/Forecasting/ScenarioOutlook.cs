namespace QmInsights.Domain.Forecasting;

/// <summary>One interval under today's behaviour and under the scenario.</summary>
public sealed record ScenarioInterval(DateTimeOffset IntervalStart, double Volume, double HandleSeconds, double ScenarioHandleSeconds,
    int AgentsScheduled, int ScenarioAgentsScheduled)
{
    public int ExtraAgents => ScenarioAgentsScheduled - AgentsScheduled;
}

/// <summary>The staffing price of a quality target over a forecast: extra agents per interval, at the busiest
/// interval, and in agent-hours over the whole horizon, with the agent-hours at both ends of the effect's 95% interval.</summary>
public sealed record ScenarioOutlook(QualityScenario Scenario, IReadOnlyList<ScenarioInterval> Intervals, ScenarioInterval Busiest,
    double ExtraAgentHours, double ExtraAgentHoursLow95, double ExtraAgentHoursHigh95)
{
    public static ScenarioOutlook Of(HandleTimeForecast forecast, IntervalLength length, StaffingTargets targets, QualityScenario scenario)
    {
        var acw = forecast.AfterCallWorkSecondsPerContact;
        var today = StaffingOutlook.Staff(forecast.Rows, length, targets, acw);
        var changed = StaffingOutlook.Staff(forecast.Rows, length, targets, acw, scenario.ExtraHandleSeconds);
        var intervals = today.Zip(changed, (a, b) => new ScenarioInterval(a.Forecast.IntervalStart, targets.Volume(a.Forecast), a.Forecast.HandleSeconds,
            a.Forecast.HandleSeconds + scenario.ExtraHandleSeconds, a.Staffing.AgentsScheduled, b.Staffing.AgentsScheduled)).ToList();
        if (intervals.Count == 0) throw new ArgumentException("The forecast holds no interval.", nameof(forecast));
        // The busiest interval under the scenario is where the roster must grow most visibly.
        var busiest = intervals.MaxBy(i => (i.ScenarioAgentsScheduled, i.ExtraAgents))!;
        var hours = length.Span().TotalHours;
        double AgentHours(double extra) =>
            StaffingOutlook.Staff(forecast.Rows, length, targets, acw, extra).Zip(today, (b, a) => b.Staffing.AgentsScheduled - a.Staffing.AgentsScheduled).Sum() * hours;
        var (low, high) = scenario.ExtraHandleSecondsRange;
        return new ScenarioOutlook(scenario, intervals, busiest, intervals.Sum(i => i.ExtraAgents) * hours, AgentHours(low), AgentHours(high));
    }
}
