using QmInsights.Domain.Analytics;
using QmInsights.Domain.Periods;
using QmInsights.Domain.Scorecards;
using QmInsights.Domain.Simulation;

namespace QmInsights.Tests.Analytics;

/// <summary>Evaluated contacts of a simulated centre, as the engine's interaction rows would hold them.</summary>
public static class PlantedTruth
{
    public static (List<EvaluatedContact> Contacts, Dictionary<string, DateTimeOffset> HiredAt, Dictionary<string, ScorecardItem> Items) Centre(SimulationOptions options) =>
        SimulatedRows.Of(new CentreSimulation(options));

    /// <summary>Each agent's ISO weeks with a regular evaluation: the week's mean QA score against the means of every
    /// contact (and survey) of the week, as the agent aggregates report them.</summary>
    public static List<AgentWeek> Weeks(SimulationOptions options)
    {
        var centre = new CentreSimulation(options);
        var history = new ScorecardHistory(centre.ScorecardVersions.Select(v => new ScorecardVersion(DemoScorecard.Id, v.Version, v.ValidFrom, v.Definition)));
        static DateOnly Week(DateTimeOffset t) => TrendPeriod.Week.StartOf(DateOnly.FromDateTime(t.UtcDateTime));
        var weeks = new List<AgentWeek>();
        // A week can straddle two simulated months: gather each agent's months first.
        foreach (var agent in centre.AgentMonths().GroupBy(m => m.AgentId).ToList())
        {
            var scores = agent.SelectMany(m => m.Evaluations).Where(e => e.Kind == Domain.Facts.EvaluationKind.Regular)
                .Select(e => (Week: Week(e.EvaluatedAt), Score: ScoreCalculator.Score(history.Resolve(e.ScorecardId, e.ScorecardVersion, e.EvaluatedAt).Version!, e.Answers).Percent))
                .Where(s => s.Score is not null).GroupBy(s => s.Week)
                .ToDictionary(g => g.Key, g => (Mean: g.Average(s => s.Score!.Value), Count: g.Count()));
            foreach (var week in agent.SelectMany(m => m.Contacts).GroupBy(c => Week(c.Interaction.StartedAt)))
            {
                if (!scores.TryGetValue(week.Key, out var qa)) continue;
                var surveys = week.Where(c => c.Survey is not null).Select(c => c.Survey!).ToList();
                var csat = surveys.Where(s => s.Csat is not null).Select(s => (double)s.Csat!.Value).ToList();
                var nps = surveys.Where(s => s.Nps is not null).ToList();
                var resolved = week.Where(c => c.Interaction.ResolvedFirstContact is not null).ToList();
                weeks.Add(new AgentWeek(agent.Key, week.Last().Interaction.TeamId!, week.Key, qa.Mean, qa.Count, csat.Count > 0 ? csat.Average() : null,
                    nps.Count > 0 ? 100.0 * (nps.Count(s => s.Promoter == true) - nps.Count(s => s.Detractor == true)) / nps.Count : null,
                    week.Average(c => c.Interaction.HandleSeconds), resolved.Count > 0 ? resolved.Average(c => c.Interaction.ResolvedFirstContact!.Value ? 1.0 : 0) : null));
            }
        }
        return weeks;
    }
}
