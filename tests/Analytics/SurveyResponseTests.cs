using QmInsights.Domain.Analytics;
using QmInsights.Domain.Simulation;

namespace QmInsights.Tests.Analytics;

public sealed class SurveyResponseTests
{
    // A small centre that evaluates many contacts; customers answer three times as often after an unresolved contact,
    // and unresolved contacts get lower CSAT (PlantedEffects.ResolvedCsat), so the answers understate satisfaction.
    private static SimulationOptions Centre(int seed, double responseRate = 0.25, double unresolvedFactor = 3) => new()
    {
        Seed = seed, Agents = 40, Teams = 4, Months = 3, ContactsPerAgentDay = 14, EvaluationsPerAgentMonth = 30,
        SelfEvaluationsPerAgentMonth = 0, SurveyResponseRate = responseRate, Practice = new QaPractice(UnresolvedResponseFactor: unresolvedFactor),
    };

    // The truth the weights should recover: the satisfied share over every contact, from the same centre where every
    // customer answers (its own random draws, but ~35,000 answers pin the share to about +-0.005).
    private static double PopulationSatisfiedShare(int seed)
    {
        var everyone = new CentreSimulation(Centre(seed, responseRate: 1, unresolvedFactor: 1));
        var csat = everyone.Surveys().Where(s => s.Csat is not null).Select(s => s.Csat!.Value).ToList();
        return csat.Count(c => c >= 4) / (double)csat.Count;
    }

    [Fact]
    public void Weighting_by_inverse_response_probability_recovers_the_satisfied_share_the_answers_alone_miss()
    {
        int[] seeds = [1, 2, 3];
        var weightedCovers = 0;
        var unweightedCovers = 0;
        var detail = new List<string>();
        foreach (var seed in seeds)
        {
            var (contacts, _, _) = PlantedTruth.Centre(Centre(seed));
            var response = SurveyResponse.Fit(InferenceSample.Of(contacts))!;
            var satisfied = response.Summary.Estimates.Single(e => e.Outcome == Outcome.CsatTop2Box);
            var truth = PopulationSatisfiedShare(seed);
            detail.Add($"seed {seed}: truth {truth:0.000}, answers {satisfied.Unweighted:0.000} [{satisfied.UnweightedCi95[0]:0.000}, {satisfied.UnweightedCi95[1]:0.000}], weighted {satisfied.Weighted:0.000} [{satisfied.WeightedCi95[0]:0.000}, {satisfied.WeightedCi95[1]:0.000}]");
            if (satisfied.WeightedCi95[0] <= truth && truth <= satisfied.WeightedCi95[1]) weightedCovers++;
            if (satisfied.UnweightedCi95[0] <= truth && truth <= satisfied.UnweightedCi95[1]) unweightedCovers++;
            Assert.True(Math.Abs(satisfied.Weighted - truth) < Math.Abs(satisfied.Unweighted - truth), string.Join("\n", detail));
        }
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", detail));
        Assert.True(weightedCovers == seeds.Length && unweightedCovers == 0, string.Join("\n", detail));
    }

    // Response here depends on resolution only, and the planted item effects are the same on resolved and unresolved
    // contacts: the weights leave the item effects where they were (and widen their intervals a little).
    [Fact]
    public void Item_effects_barely_move_when_response_depends_on_resolution_only()
    {
        var (contacts, hired, items) = PlantedTruth.Centre(Centre(6));
        Relationship Upsell(bool weighted) => DriverAnalysis.Run(contacts, hired, items, new InsightOptions(TrainModels: false, WeightSurveyResponse: weighted))
            .Relationships.Single(r => r.Driver == "upsell" && r.Outcome == Outcome.Csat && r.Level == DriverAnalysis.InteractionLevel);
        var (plain, weighted) = (Upsell(false), Upsell(true));
        TestContext.Current.TestOutputHelper?.WriteLine($"upsell CSAT: answers {plain.Effect:0.000} [{plain.Ci95![0]:0.000}, {plain.Ci95[1]:0.000}], weighted {weighted.Effect:0.000} [{weighted.Ci95![0]:0.000}, {weighted.Ci95[1]:0.000}]");
        Assert.True(Math.Abs(weighted.Effect!.Value - plain.Effect!.Value) < 0.05, $"{plain.Effect} vs {weighted.Effect}");
        Assert.True(weighted.Ci95![1] - weighted.Ci95[0] >= 0.95 * (plain.Ci95![1] - plain.Ci95[0]));
    }

    [Fact]
    public void The_summary_states_the_answers_and_the_spread_of_the_trimmed_weights()
    {
        var (contacts, _, _) = PlantedTruth.Centre(Centre(4));
        var sample = InferenceSample.Of(contacts);
        var s = SurveyResponse.Fit(sample)!.Summary;
        Assert.Equal(sample.Rows.Count(SurveyResponse.Responded), s.Responses);
        Assert.Equal(sample.Rows.Count, s.Contacts);
        Assert.True(s.TrimmedLow <= s.WeightMin && s.WeightMin <= s.WeightMedian && s.WeightMedian <= s.WeightMax && s.WeightMax <= s.TrimmedHigh);
        // Resolved contacts answer a third as often: their answers weigh more than the unresolved ones'.
        Assert.True(s.WeightMax / s.WeightMin > 2, $"{s.WeightMin} to {s.WeightMax}");
        Assert.InRange(s.Trimmed, 1, s.Responses / 20 + 2);
        Assert.True(s.EffectiveResponses < s.Responses);
        Assert.Contains($"{s.Responses} of {s.Contacts} evaluated contacts have a survey answer", s.Summary);
        Assert.Contains("trimmed to the 1st-99th percentile", s.Summary);
    }

    [Fact]
    public void Without_non_respondents_there_is_nothing_to_model()
    {
        var (contacts, _, _) = PlantedTruth.Centre(Centre(5, responseRate: 1, unresolvedFactor: 1));
        Assert.Null(SurveyResponse.Fit(InferenceSample.Of(contacts)));
    }

    [Fact]
    public void Item_effects_are_also_given_on_the_satisfied_promoter_and_detractor_shares()
    {
        var options = new SimulationOptions { Seed = 7, Agents = 120, Teams = 6, Months = 4, SurveyResponseRate = 0.3 };
        var (contacts, hired, items) = PlantedTruth.Centre(options);
        var report = DriverAnalysis.Run(contacts, hired, items, new InsightOptions(TrainModels: false));
        Relationship Upsell(Outcome o) => report.Relationships.Single(r => r.Driver == "upsell" && r.Outcome == o && r.Level == DriverAnalysis.InteractionLevel);
        // Upsell costs 0.6 CSAT points and 1.5 NPS points: fewer satisfied customers and promoters, more detractors.
        Assert.True(Upsell(Outcome.CsatTop2Box).Ci95![1] < 0, Upsell(Outcome.CsatTop2Box).Explanation);
        Assert.True(Upsell(Outcome.Promoters).Ci95![1] < 0, Upsell(Outcome.Promoters).Explanation);
        Assert.True(Upsell(Outcome.Detractors).Ci95![0] > 0, Upsell(Outcome.Detractors).Explanation);
        Assert.Contains("is associated with", Upsell(Outcome.CsatTop2Box).Explanation);
        Assert.Contains("points of satisfied customers (CSAT 4-5)", Upsell(Outcome.CsatTop2Box).Explanation);
        // The CSAT conflict says its effect in the unit of its text and names the shares behind the mean.
        var conflict = report.Conflicts.Single(c => c.ItemId == "upsell" && c.MetricB == "csat");
        Assert.Equal("CSAT points", conflict.EffectUnit);
        Assert.Contains("points of satisfied customers (CSAT 4-5)", conflict.Explanation);
        Assert.Contains("points of detractors (NPS 0-6)", report.Conflicts.Single(c => c.ItemId == "upsell" && c.MetricB == "nps").Explanation);
        // The shares are read contact by contact only, and the ML.NET models stay on the measured outcomes.
        Assert.DoesNotContain(report.Relationships, r => r.Level == DriverAnalysis.AgentWeekLevel && !Outcomes.Measured.Contains(r.Outcome));
        Assert.NotNull(report.SurveyResponse);
    }
}
