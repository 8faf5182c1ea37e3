using QmInsights.Domain.Analytics;
using QmInsights.Domain.Simulation;

namespace QmInsights.Tests.Analytics;

/// <summary>The planted-truth test on a centre that samples like a real one (targeted picks, rota, response after
/// unresolved contacts); one seed here, twenty in <c>bench --planted</c>.</summary>
public sealed class PlantedRecoveryTests(ITestOutputHelper output)
{
    private static readonly SimulationOptions Centre = new()
    {
        Seed = 11, Agents = 150, Teams = 10, Months = 6, ContactsPerAgentDay = 14, SurveyResponseRate = 0.3,
        EvaluationsPerAgentMonth = 4, Practice = QaPractice.Common,
    };

    [Fact]
    public void With_targeted_sampling_the_planted_effects_are_recovered_within_their_intervals()
    {
        var result = PlantedRecovery.Check(Centre);
        foreach (var p in result.Planted)
            output.WriteLine($"{p.Driver} {p.Outcome}: planted {p.Planted}, estimate {p.Estimate:0.000} [{p.Ci95?[0]:0.000}, {p.Ci95?[1]:0.000}]");
        output.WriteLine($"{result.FalseAlarms} false alarms in {result.ZeroEffectTests}; {result.Selection.Describe()}");
        var naive = PlantedRecovery.Check(Centre, ignoreSelection: true);
        foreach (var p in naive.Planted)
            output.WriteLine($"naive {p.Driver} {p.Outcome}: planted {p.Planted}, estimate {p.Estimate:0.000} [{p.Ci95?[0]:0.000}, {p.Ci95?[1]:0.000}]");
        Assert.Equal(InferenceSample.AllWeighted, result.Selection.Basis);
        var upsell = result.Planted.Single(p => p.Driver == "upsell" && p.Outcome == Outcome.Csat);
        Assert.InRange(upsell.Estimate!.Value, upsell.Planted - 0.15, upsell.Planted + 0.15);
        Assert.True(upsell.Covered);
        Assert.True(result.FalseAlarms <= 0.05 * result.ZeroEffectTests, $"{result.FalseAlarms} false alarms in {result.ZeroEffectTests} zero-effect tests");
        // Read as if every pick were random, the low-CSAT picks make upsell look far worse than it is (seed 11: -0.89).
        var naiveUpsell = naive.Planted.Single(p => p.Driver == "upsell" && p.Outcome == Outcome.Csat);
        Assert.True(naiveUpsell.Estimate < upsell.Planted - 0.15 && !naiveUpsell.Covered);
    }
}
