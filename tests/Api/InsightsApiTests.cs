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
    }

    [Fact]
    public async Task An_unknown_channel_filter_is_a_problem_naming_the_parameter()
    {
        using var response = await host.Http.GetAsync("/api/insights/conflicts?channel=fax");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("channel", await response.Content.ReadAsStringAsync());
    }
}
