using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QmInsights.Domain.Analytics;
using QmInsights.Domain.Forecasting;
using QmInsights.Grains.Analytics;
using QmInsights.Grains.Calibration;
using QmInsights.Grains.Forecasting;
using QmInsights.Grains.Interfaces;
using QmInsights.Grains.Reports;
using QmInsights.Reports.Pack;
using QmInsights.Tests.Api;

namespace QmInsights.Tests.Reports;

/// <summary>The pack gathers the month's evaluated contacts once and its next-peak forecast is kept per month (by the month's
/// outlook grain): its figures must be those each service computes when it gathers the rows itself, and a kept forecast
/// must give way to new facts.</summary>
public sealed class PackGatheringTests(SimulatedCentreFixture centre) : IClassFixture<SimulatedCentreFixture>
{
    private static readonly PackMonth October = new(2025, 10);
    private static readonly InsightOptions Options = new(TrainModels: false);

    private T Service<T>() where T : notnull => centre.Services.GetRequiredService<T>();

    [Fact]
    public async Task The_pack_shows_what_each_service_computes_from_its_own_gathering_for_the_centre_and_for_a_team()
    {
        var (from, to) = (October.First, October.Last);
        foreach (var team in new[] { null, centre.Simulation.TeamIds[1] })
        {
            var pack = await Service<MonthlyPackService>().Gather(October, team, DateTimeOffset.UtcNow);
            Assert.NotNull(pack);
            // The centre's month has conflicts and disagreeing agents to compare (a team's may not; this small centre's
            // evaluators score too few contacts a month for a leniency verdict, so that list is compared as it is).
            if (team is null) Assert.All(new[] { pack.Conflicts.Count, pack.DisagreeingAgents.Count }, n => Assert.True(n > 0));

            var (report, gaps) = await Service<InsightsService>().AnalyseWithDisagreement(from, to, team, 10, Options);
            Assert.Equal(report.Conflicts.Select(c => (c.Explanation, c.Cost)), pack.Conflicts.Select(c => (c.Explanation, c.Cost)));
            Assert.Equal(gaps.Select(g => (g.AgentId, g.Gap, g.Explanation)), pack.DisagreeingAgents.Select(g => (g.AgentId, g.Gap, g.Explanation)));

            // Leniency is the API's over the month and the two before it (this centre's data starts in September).
            Assert.Equal("2025-08", pack.Calibration!.LeniencyFrom);
            var leniency = await Service<EvaluationReader>().Leniency(October.First.AddMonths(-2), to, team);
            Assert.Equal(leniency.Select(l => (l.EvaluatorId, l.Evaluations, l.Difference, l.Verdict)),
                pack.Calibration!.Evaluators.Select(l => (l.EvaluatorId, l.Evaluations, l.Difference, l.Verdict)));
        }

        // The centre pack's outlook is the one a forecast with nothing kept computes from the month's own gathering.
        var centrePack = await Service<MonthlyPackService>().Gather(October, null, DateTimeOffset.UtcNow);
        var fresh = await Service<PackForecast>().Compute(October);
        Assert.NotNull(fresh);
        Assert.Equal(JsonSerializer.Serialize(fresh), JsonSerializer.Serialize(centrePack!.Forecast));
        // Item pass rates still cover the month's scorecard items.
        Assert.NotEmpty(centrePack.Items);
    }

    [Fact]
    public async Task The_next_peak_forecast_is_kept_for_the_month_until_its_contacts_or_the_declared_peaks_change()
    {
        var outlook = Service<IGrainFactory>().GetGrain<IPackOutlookGrain>(October.ToString());
        var first = await outlook.Get("test");
        Assert.NotNull(first);
        var trainings = (await outlook.Status()).Trainings;
        // Kept: the same outlook, not trained again.
        await AssertKept(first, trainings);

        // A contact after the month changes neither its history nor its volumes: still kept.
        await Post("pack-cache-november", first, "2025-11-20T10:00:00Z");
        await AssertKept(first, trainings);

        // One more contact of the busiest queue in October: trained again, and it counts.
        await Post("pack-cache-october", first, "2025-10-15T10:00:00Z");
        Assert.False((await outlook.Status()).Ready);
        var second = await outlook.Get("test");
        Assert.Equal(trainings + 1, (await outlook.Status()).Trainings);
        Assert.Equal(first.MonthContacts + 1, second!.MonthContacts);
        await AssertKept(second, trainings + 1);

        // A declared peak can move the next peak: trained again.
        var peaks = Service<ForecastService>().Peaks;
        Assert.True(await peaks.Declare(new PeakPeriod("pack-cache-campaign", "autumn campaign", new DateOnly(2025, 11, 10),
            new DateOnly(2025, 11, 11), PeakKind.Campaign, null, first.Queue)));
        var third = await outlook.Get("test");
        Assert.Equal(trainings + 2, (await outlook.Status()).Trainings);
        Assert.True(third!.Declared);
        await peaks.Remove("pack-cache-campaign");

        async Task AssertKept(PeakForecast expected, int trained)
        {
            Assert.True((await outlook.Status()).Ready);
            Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(await outlook.Get("test")));
            Assert.Equal(trained, (await outlook.Status()).Trainings);
        }
    }

    private async Task Post(string id, PeakForecast busiest, string startedAt)
    {
        var line = JsonSerializer.Serialize(new
        {
            interactionId = id, channel = busiest.Channel, agentId = "agent-001", teamId = centre.Simulation.Agents[0].FinalTeamId,
            queue = busiest.Queue, startedAt, handleSeconds = 300,
        });
        var body = new StringContent(line + "\n", Encoding.UTF8);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        using var response = await centre.Http.PostAsync("/api/interactions", body);
        Assert.Contains("\"accepted\":1", await response.Content.ReadAsStringAsync());
    }
}
