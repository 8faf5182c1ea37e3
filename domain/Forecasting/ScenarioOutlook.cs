namespace QmInsights.Domain.Forecasting;

/// <summary>One interval under today's behaviour and under the scenario.</summary>
public sealed record ScenarioInterval(DateTimeOffset IntervalStart, double Volume, double HandleSeconds, double ScenarioHandleSeconds,
    int AgentsScheduled, int ScenarioAgentsScheduled)
{
    public int ExtraAgents => ScenarioAgentsScheduled - AgentsScheduled;
}

/// <summary>The staffing price of a quality target over a forecast: extra agents per interval, at the busiest
/// interval, and in agent-hours over the whole horizon.</summary>
public sealed record ScenarioOutlook(QualityScenario Scenario, IReadOnlyList<ScenarioInterval> Intervals, ScenarioInterval Busiest,
    double ExtraAgentHours)
{
    public static ScenarioOutlook Of(HandleTimeForecast forecast, IntervalLength length, StaffingTargets targets, QualityScenario scenario)
    {
        var today = StaffingOutlook.Staff(forecast.Rows, length, targets);
        var changed = StaffingOutlook.Staff(forecast.Rows, length, targets, scenario.ExtraHandleSeconds);
        var intervals = today.Zip(changed, (a, b) => new ScenarioInterval(a.Forecast.IntervalStart, a.Forecast.Volume, a.Forecast.HandleSeconds,
            a.Forecast.HandleSeconds + scenario.ExtraHandleSeconds, a.Staffing.AgentsScheduled, b.Staffing.AgentsScheduled)).ToList();
        if (intervals.Count == 0) throw new ArgumentException("The forecast holds no interval.", nameof(forecast));
        // The busiest interval under the scenario is where the roster must grow most visibly.
        var busiest = intervals.MaxBy(i => (i.ScenarioAgentsScheduled, i.ExtraAgents))!;
        return new ScenarioOutlook(scenario, intervals, busiest, intervals.Sum(i => i.ExtraAgents) * length.Span().TotalHours);
    }
}
