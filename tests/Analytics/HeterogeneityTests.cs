using QmInsights.Domain.Analytics;
using QmInsights.Domain.Simulation;

namespace QmInsights.Tests.Analytics;

/// <summary>Items whose effect differs by subgroup: the ML.NET models must find the chat-only item the simulator
/// plants, the regression must confirm it, and nothing is reported on customer outcomes when it is not planted.</summary>
public sealed class HeterogeneityTests(ITestOutputHelper output)
{
    private static SimulationOptions Centre(int seed, bool chatItem) => new()
    {
        Seed = seed, Agents = 100, Teams = 8, Months = 4, ContactsPerAgentDay = 10, SurveyResponseRate = 0.4,
        EvaluationsPerAgentMonth = 6, Practice = QaPractice.Common,
        Effects = chatItem ? new PlantedEffects().WithChatOnlyItem() : new PlantedEffects(),
    };

    private InsightReport Run(SimulationOptions options)
    {
        var (contacts, hired, items) = PlantedTruth.Centre(options);
        var report = DriverAnalysis.Run(contacts, hired, items, new InsightOptions());
        foreach (var m in report.Models) output.WriteLine(m.Explanation);
        foreach (var d in report.Heterogeneity) output.WriteLine(d.Explanation);
        return report;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_chat_only_item_is_found_by_the_model_and_confirmed_by_the_regression(int seed)
    {
        var report = Run(Centre(seed, chatItem: true));
        var csat = report.Models.Single(m => m.Outcome == Outcome.Csat);
        Assert.True(csat.Validated, csat.Explanation);
        Assert.True(csat.Drivers.Single(d => d.ItemId == "upsell").EffectCi95[1] < 0);
        var found = report.Heterogeneity.Where(d => d.ItemId == "anything-else" && d.Outcome == Outcome.Csat).ToList();
        Assert.NotEmpty(found);
        var channel = found.FirstOrDefault(d => d.Dimension == "channel") ?? found[0];
        Assert.True(channel.PAdjusted <= Heterogeneity.FamilyLevel);
        Assert.StartsWith("chat", channel.Level);
        // On chat the item costs CSAT (planted -0.8; misrecorded answers pull it toward zero), and less, if at all, on
        // every other channel or queue.
        var chat = channel.Effects.Single(e => e.Level == channel.Level);
        Assert.True(chat.Ci95[1] < 0, $"chat effect {chat.Effect:0.00}");
        Assert.All(channel.Effects.Where(e => !e.Level.StartsWith("chat")), e => Assert.True(e.Effect > chat.Effect, $"{e.Level} {e.Effect:0.00}"));
        Assert.True(channel.ModelContrast < 0);
        Assert.Contains("is associated with", channel.Explanation);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Without_a_planted_subgroup_effect_none_is_reported_on_customer_outcomes(int seed)
    {
        var report = Run(Centre(seed, chatItem: false));
        // The one subgroup effect this simulator does plant: an upsell adds 240 s to a call, half on chat, a quarter
        // on email. Anything else reported would be a false alarm.
        Assert.All(report.Heterogeneity, d => Assert.True(d.ItemId == "upsell" && d.Outcome == Outcome.HandleSeconds, d.Explanation));
    }

    [Fact]
    public void A_model_without_skill_on_held_out_agents_reports_no_drivers_and_no_subgroups()
    {
        var options = Centre(4, chatItem: true);
        var (contacts, hired, items) = PlantedTruth.Centre(options);
        // CSAT answers shuffled among the contacts: nothing about the contact predicts them any more.
        var random = new Random(9);
        var csat = contacts.Select(c => c.Csat).OrderBy(_ => random.Next()).ToList();
        var shuffled = contacts.Select((c, i) => c with { Csat = csat[i] }).ToList();
        var report = DriverAnalysis.Run(shuffled, hired, items, new InsightOptions());
        var model = report.Models.Single(m => m.Outcome == Outcome.Csat);
        output.WriteLine(model.Explanation);
        Assert.False(model.Validated);
        Assert.True(model.SkillCi95[0] <= 0);
        Assert.Empty(model.Drivers);
        Assert.Contains("no drivers", model.Explanation);
        Assert.DoesNotContain(report.Heterogeneity, d => d.Outcome == Outcome.Csat);
    }
}
