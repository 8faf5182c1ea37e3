using QmInsights.Domain.Analytics;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Scorecards;
using QmInsights.Domain.Simulation;

namespace QmInsights.Tests.Analytics;

public sealed class AgentScoresTests
{
    [Fact]
    public void Adjusted_scores_track_what_agents_really_did_better_than_raw_means_and_name_the_severe_evaluators_shift()
    {
        var options = new SimulationOptions
        {
            Seed = 5, Agents = 60, Teams = 4, Months = 6, ContactsPerAgentDay = 6, EvaluationsPerAgentMonth = 4, // Each agent evaluated by the same two neighbouring evaluators (no rota), evaluators twice as error-prone as
            // the default: an agent paired with a severe evaluator carries that evaluator's bias in the raw mean.
            Practice = QaPractice.Common with { EvaluatorRota = false, EvaluatorErrorScale = 2 },
        };
        var centre = new CentreSimulation(options);
        var (contacts, _, _) = SimulatedRows.Of(centre);
        var report = AgentScores.Estimate(contacts)!;

        // The truth: each agent's mean score over every contact as they really handled it (no evaluator in between).
        var form = new ScorecardVersion(DemoScorecard.Id, 2, centre.ScorecardVersions[^1].ValidFrom, DemoScorecard.Version(2));
        var truth = centre.AgentMonths().GroupBy(m => m.AgentId).ToDictionary(g => g.Key, g => g.SelectMany(m => m.Contacts)
            .Select(c => ScoreCalculator.Score(form, Evaluation.Canonical(c.Behaviour.Select(b => new ItemResponse(b.Key, b.Value)))).Percent)
            .Where(p => p is not null).Average(p => p!.Value));
        // Error against the truth after removing the centre-wide offset (the average evaluator's own lean).
        double Error(Func<AdjustedScore, double> estimate)
        {
            var offset = report.Agents.Average(a => estimate(a) - truth[a.AgentId]);
            return Math.Sqrt(report.Agents.Average(a => Math.Pow(estimate(a) - truth[a.AgentId] - offset, 2)));
        }
        Assert.True(Error(a => a.Adjusted) < Error(a => a.RawMean), $"adjusted {Error(a => a.Adjusted):0.00}, raw {Error(a => a.RawMean):0.00} points");
        // Only random picks enter; every interval holds its own estimate; the margin rule needs many evaluations.
        Assert.Equal(contacts.Count(c => c.Selection == EvaluationSelection.Random), report.Agents.Sum(a => a.Evaluations));
        Assert.All(report.Agents, a => Assert.InRange(a.Adjusted, a.Ci95[0], a.Ci95[1]));
        Assert.True(report.EvaluationsForMargin5 > 20, $"{report.EvaluationsForMargin5}");
        Assert.True(report.EvaluatorSd > 0);
    }
}
