using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QmInsights.Domain.Simulation;

namespace QmInsights.Tests.Api;

public sealed class ForecastApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_centre_fed_through_the_API_gets_hourly_forecasts_with_nested_intervals_staffing_and_a_scenario_price()
    {
        var centre = new CentreSimulation(new SimulationOptions { Agents = 40, Teams = 4, Months = 3, ContactsPerAgentDay = 12,
            TimeZone = "Europe/Oslo" });
        foreach (var (version, validFrom, definition) in centre.ScorecardVersions)
            await Recomputation.PutScorecard(host.Http, new Domain.Scorecards.ScorecardVersion(DemoScorecard.Id, version, validFrom, definition));
        var months = centre.AgentMonths().ToList();
        var facts = months.SelectMany(m => m.Interactions).Cast<object>().Concat(centre.Abandoned()).Concat(months.SelectMany(m => m.Evaluations)).ToList();
        foreach (var chunk in facts.Chunk(5000)) Assert.Empty((await FactPoster.Post(host.Http, chunk)).Rejected);

        using var put = await host.Http.PutAsJsonAsync("/api/forecast/peaks/xmas-campaign",
            new { name = "Christmas campaign", from = "2025-12-03", to = "2025-12-03", kind = "campaign", queue = "billing" });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        using var peaks = JsonDocument.Parse(await host.Http.GetStringAsync("/api/forecast/peaks"));
        Assert.Equal("xmas-campaign", peaks.RootElement[0].GetProperty("id").GetString());

        const string range = "queue=billing&channel=call&from=2025-12-01&to=2025-12-07&interval=hour";
        using var forecast = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/forecast/handle-time?{range}"));
        var rows = forecast.RootElement.EnumerateArray().ToList();
        Assert.Equal(7 * 24, rows.Count);
        Assert.Equal(new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero), rows[0].GetProperty("intervalStart").GetDateTimeOffset());
        foreach (var row in rows)
            foreach (var what in new[] { "handleSeconds", "volume" })
            {
                double Value(string suffix) => row.GetProperty(what + suffix).GetDouble();
                Assert.True(Value("Lower95") <= Value("Lower80") && Value("Lower80") <= Value("Upper80") && Value("Upper80") <= Value("Upper95"));
                Assert.True(Value("Lower95") >= 0);
            }
        Assert.True(rows.Where(r => r.GetProperty("volume").GetDouble() > 3).All(r => r.GetProperty("handleSeconds").GetDouble() is > 150 and < 900));
        Assert.True(rows.Single(r => r.GetProperty("intervalStart").GetDateTimeOffset().Hour == 10 && r.GetProperty("intervalStart").GetDateTimeOffset().Day == 3)
            .GetProperty("declaredPeak").GetBoolean());

        using var backtest = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/forecast/backtest?{range}"));
        Assert.Equal(7, backtest.RootElement.GetProperty("origins").GetArrayLength());
        Assert.True(backtest.RootElement.GetProperty("handleNaive").GetProperty("mape").GetDouble() > 0);
        var horizons = backtest.RootElement.GetProperty("horizons").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4], horizons.Select(h => h.GetProperty("horizon").GetInt32()));
        Assert.All(horizons, h =>
        {
            Assert.True(h.GetProperty("volumeFourWeekMean").GetProperty("wape").GetDouble() > 0);
            Assert.InRange(h.GetProperty("coverage").GetProperty("volume80").GetDouble(), 0.5, 1);
        });

        using var staffing = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/forecast/staffing?{range}&serviceLevel=0.9&answerWithin=15"));
        var nextPeak = staffing.RootElement.GetProperty("nextPeak");
        Assert.Equal("2025-12-03", nextPeak.GetProperty("day").GetString());
        Assert.True(nextPeak.GetProperty("declared").GetBoolean());
        Assert.True(nextPeak.GetProperty("busiest").GetProperty("staffing").GetProperty("agentsScheduled").GetInt32() > 0);
        Assert.Equal("erlangC", staffing.RootElement.GetProperty("model").GetString());

        // Erlang A at the patience the queue's own abandonments show, staffed for the upper end of the 80% interval.
        using var patience = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/forecast/patience?{range}"));
        Assert.InRange(patience.RootElement.GetProperty("meanSeconds").GetDouble(), 100, 1000);
        using var erlangA = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/forecast/staffing?{range}&patience=measured&staffFor=upper80"));
        Assert.Equal("erlangA", erlangA.RootElement.GetProperty("model").GetString());
        Assert.Equal(0.9, erlangA.RootElement.GetProperty("nextPeak").GetProperty("volumeHoldsWithProbability").GetDouble());
        Assert.True(erlangA.RootElement.GetProperty("nextPeak").GetProperty("busiest").GetProperty("staffing").GetProperty("abandonmentProbability").GetDouble() >= 0);

        // Chat is deferred work unless configured live: staffed by workload over the response window.
        using var chat = JsonDocument.Parse(await host.Http.GetStringAsync("/api/forecast/staffing?queue=support&channel=chat&from=2025-12-01&to=2025-12-07&responseWithin=3600"));
        Assert.Equal("deferred", chat.RootElement.GetProperty("model").GetString());
        Assert.True(chat.RootElement.GetProperty("busiest").GetProperty("agentsWorking").GetInt32() > 0);

        // The domain's upsell story: the share of upselling contacts doubles, at the effect the driver analysis measured.
        using var scenario = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/forecast/scenario?{range}&item=upsell&factor=2"));
        var s = scenario.RootElement;
        Assert.Equal("driver analysis", s.GetProperty("scenario").GetProperty("effectSource").GetString());
        Assert.True(s.GetProperty("scenario").GetProperty("effectSeconds").GetDouble() > 60);
        Assert.True(s.GetProperty("busiest").GetProperty("extraAgents").GetInt32() >= 1);
        Assert.True(s.GetProperty("extraAgentHours").GetDouble() > 0);
        Assert.True(s.GetProperty("extraAgentHoursLow95").GetDouble() <= s.GetProperty("extraAgentHoursHigh95").GetDouble());
        Assert.InRange(s.GetProperty("scenario").GetProperty("applicableShare").GetDouble(), 0.3, 1);

        using var deleted = await host.Http.DeleteAsync("/api/forecast/peaks/xmas-campaign");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Theory]
    [InlineData("/api/forecast/handle-time?interval=week", "interval")]
    [InlineData("/api/forecast/handle-time?channel=fax", "channel")]
    [InlineData("/api/forecast/handle-time?from=2025-12-08&to=2025-12-01", "to")]
    [InlineData("/api/forecast/staffing?serviceLevel=1.5", "serviceLevel")]
    [InlineData("/api/forecast/staffing?staffFor=upper99", "staffFor")]
    [InlineData("/api/forecast/staffing?patience=-5", "patience")]
    [InlineData("/api/forecast/scenario?factor=2", "item")]
    public async Task Bad_parameters_are_problems_naming_the_parameter(string url, string parameter)
    {
        using var response = await host.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(parameter, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_peak_whose_end_is_before_its_start_is_refused_naming_the_field()
    {
        using var response = await host.Http.PutAsJsonAsync("/api/forecast/peaks/bad", new { name = "x", from = "2025-12-08", to = "2025-12-01" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("to", await response.Content.ReadAsStringAsync());
    }
}
