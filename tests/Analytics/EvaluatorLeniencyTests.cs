using QmInsights.Domain.Calibration;
using QmInsights.Domain.Simulation;

namespace QmInsights.Tests.Analytics;

public sealed class EvaluatorLeniencyTests
{
    [Fact]
    public void Planted_lenient_evaluators_score_above_the_average_evaluator_and_severe_ones_below()
    {
        var options = new SimulationOptions();
        var centre = new CentreSimulation(options);
        var (contacts, _, _) = PlantedTruth.Centre(options);
        var leniency = EvaluatorLeniency.Estimate(contacts).ToDictionary(l => l.EvaluatorId);

        foreach (var evaluator in centre.Evaluators)
        {
            var estimate = leniency[evaluator.EvaluatorId];
            if (evaluator.Leniency > 0.05 && evaluator.Severity < 0.05) Assert.True(estimate.Difference > 0, estimate.Explanation);
            if (evaluator.Severity > 0.05 && evaluator.Leniency < 0.05) Assert.True(estimate.Difference < 0, estimate.Explanation);
            Assert.True(estimate.Ci95[0] <= estimate.Difference && estimate.Difference <= estimate.Ci95[1]);
        }
        // The simulated rota gives each agent two neighbouring evaluators, so evaluators are compared through long
        // chains of shared agents and the intervals are wide; the ranking still puts every lenient evaluator above
        // every severe one.
        var lenient = centre.Evaluators.Where(e => e.Leniency > 0.05 && e.Severity < 0.05).Min(e => leniency[e.EvaluatorId].Difference);
        var severe = centre.Evaluators.Where(e => e.Severity > 0.05 && e.Leniency < 0.05).Max(e => leniency[e.EvaluatorId].Difference);
        Assert.True(lenient > severe);
        // Each interval comes from its own contrast's variance: widths differ with each evaluator's workload.
        Assert.True(leniency.Values.Select(l => Math.Round(l.Ci95[1] - l.Ci95[0], 6)).Distinct().Count() > 1);
        // Centred: the differences average to zero.
        Assert.Equal(0, leniency.Values.Average(l => l.Difference), 9);
    }
}
