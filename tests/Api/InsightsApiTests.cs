using System.Net;
using System.Text.Json;
using QmInsights.Domain.Simulation;

namespace QmInsights.Tests.Api;

public sealed class InsightsApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Conflicts_of_a_centre_fed_through_the_API_name_the_planted_upsell_conflict_with_its_evidence()
    {
        var centre = new CentreSimulation(new SimulationOptions
        {
            Agents = 40, Teams = 4, Months = 3, ContactsPerAgentDay = 8, EvaluationsPerAgentMonth = 12, SurveyResponseRate = 0.6,
        });
        foreach (var (version, validFrom, definition) in centre.ScorecardVersions)
            await Recomputation.PutScorecard(host.Http, new Domain.Scorecards.ScorecardVersion(DemoScorecard.Id, version, validFrom, definition));
        var months = centre.AgentMonths().ToList();
        var facts = months.SelectMany(m => m.Interactions).Cast<object>()
            .Concat(months.SelectMany(m => m.Surveys)).Concat(months.SelectMany(m => m.Evaluations)).ToList();
        foreach (var chunk in facts.Chunk(5000)) Assert.Empty((await FactPoster.Post(host.Http, chunk)).Rejected);

        using var conflicts = JsonDocument.Parse(await host.Http.GetStringAsync("/api/insights/conflicts"));
        var upsellCsat = conflicts.RootElement.EnumerateArray()
            .Single(c => c.GetProperty("itemId").GetString() == "upsell" && c.GetProperty("metricB").GetString() == "csat");
        Assert.Equal("qa:upsell", upsellCsat.GetProperty("metricA").GetString());
        Assert.True(upsellCsat.GetProperty("effect").GetDouble() < 0);
        Assert.True(upsellCsat.GetProperty("ci95")[1].GetDouble() < 0);
        Assert.True(upsellCsat.GetProperty("n").GetInt32() > 100);
        Assert.True(upsellCsat.GetProperty("pAdjusted").GetDouble() < 0.05);
        Assert.Contains("Offers an additional product", upsellCsat.GetProperty("explanation").GetString());

        using var relationships = JsonDocument.Parse(await host.Http.GetStringAsync("/api/insights/relationships?channel=call"));
        Assert.All(relationships.RootElement.GetProperty("relationships").EnumerateArray(),
            r => Assert.Contains(r.GetProperty("verdict").GetString(), new[] { "effect", "no effect found", "too few observations" }));
        Assert.True(relationships.RootElement.GetProperty("evaluatedContacts").GetInt32() > 0);
        // A week mixes channels: narrowed to one, the agent-week view is left out.
        Assert.All(relationships.RootElement.GetProperty("relationships").EnumerateArray(), r => Assert.Equal("interaction", r.GetProperty("level").GetString()));

        // Unfiltered, the agent-week view reads the agents' weekly aggregates: weekly QA against each outcome, and
        // weekly handle time against resolution (an agent's style), in agent-weeks.
        using var all = JsonDocument.Parse(await host.Http.GetStringAsync("/api/insights/relationships"));
        var weekly = all.RootElement.GetProperty("relationships").EnumerateArray().Where(r => r.GetProperty("level").GetString() == "agentWeek").ToList();
        Assert.Equal(["qaScore:csat", "qaScore:fcr", "qaScore:handleSeconds", "qaScore:nps", "handleMinutes:fcr"],
            weekly.Select(r => $"{r.GetProperty("driver").GetString()}:{r.GetProperty("outcome").GetString()}").OrderBy(d => d.StartsWith("handle")).ThenBy(d => d, StringComparer.Ordinal));
        Assert.All(weekly, r =>
        {
            Assert.Equal(JsonValueKind.Number, r.GetProperty("effect").ValueKind);
            Assert.InRange(r.GetProperty("n").GetInt32(), 100, 40 * 14);
            Assert.Contains("agent-weeks", r.GetProperty("explanation").GetString());
        });
        Assert.All(all.RootElement.GetProperty("models").EnumerateArray().SelectMany(m => m.GetProperty("drivers").EnumerateArray()),
            d => Assert.Equal(2, d.GetProperty("importanceCi95").GetArrayLength()));
        Assert.Equal(JsonValueKind.Array, all.RootElement.GetProperty("heterogeneity").ValueKind);

        // Agents A and B of the domain story: QA rates upsellers above what their customers say, and customers rate
        // the agents who do not upsell above their QA score; wherever upsell explains a gap, it is the right one.
        using var gaps = JsonDocument.Parse(await host.Http.GetStringAsync("/api/insights/disagreeing-agents?top=8"));
        var upsellers = centre.Agents.Where(a => a.Upseller).Select(a => a.AgentId).ToHashSet();
        var explainedByUpsell = gaps.RootElement.EnumerateArray()
            .Where(g => g.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("itemId").GetString() == "upsell"))
            .Select(g => (Agent: g.GetProperty("agentId").GetString()!, QaAbove: g.GetProperty("gap").GetDouble() > 0)).ToList();
        Assert.NotEmpty(explainedByUpsell);
        Assert.All(explainedByUpsell, g => Assert.Equal(g.QaAbove, upsellers.Contains(g.Agent)));
        Assert.All(gaps.RootElement.EnumerateArray(), g => Assert.Contains("standard deviations", g.GetProperty("explanation").GetString()));
    }

    [Fact]
    public async Task An_unknown_channel_filter_is_a_problem_naming_the_parameter()
    {
        using var response = await host.Http.GetAsync("/api/insights/conflicts?channel=fax");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("channel", await response.Content.ReadAsStringAsync());
    }
}
