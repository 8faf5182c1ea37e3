using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using QmInsights.Domain.Facts;
using QmInsights.Tests.Api;

namespace QmInsights.Tests.Browser;

/// <summary>The dashboard in headless Chromium against a host fed a simulated centre: it shows the engine's figures,
/// and new data reaches an open page through server-sent events without a reload.</summary>
public sealed class DashboardTests(DashboardFixture centre) : BrowserTest(centre), IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task The_centre_view_shows_the_centre_summary_and_every_team()
    {
        await Open("#/centre");
        await ViewLoaded("centre");
        using var summary = JsonDocument.Parse(await Centre.Http.GetStringAsync("/api/centre/summary"));
        var interactions = summary.RootElement.GetProperty("centre").GetProperty("interactions").GetInt64();
        await Expect(Kpi("interactions")).ToHaveTextAsync(Count(interactions));
        // The centre is the sum of its teams.
        var teamTotals = await Task.WhenAll(Centre.Simulation.TeamIds.Select(async t =>
        {
            using var team = JsonDocument.Parse(await Centre.Http.GetStringAsync($"/api/teams/{t}/summary"));
            return team.RootElement.GetProperty("interactions").GetInt64();
        }));
        Assert.Equal(teamTotals.Sum(), interactions);

        await Expect(Page.Locator("#teams tbody tr td:first-child")).ToHaveTextAsync(Centre.Simulation.TeamIds.Order().ToArray());
        // Trend charts are drawn: one QA line, one CSAT line, one NPS line at least.
        await Expect(Page.Locator(".chart path.line").Nth(2)).ToBeAttachedAsync();
        await Live();
        await SaveScreenshot("dashboard-centre.png");
    }

    [Fact]
    public async Task The_team_view_shows_the_team_summary_and_its_agents()
    {
        var teamId = Centre.Simulation.TeamIds[0];
        await Open($"#/team/{teamId}");
        await ViewLoaded("team");
        using var summary = JsonDocument.Parse(await Centre.Http.GetStringAsync($"/api/teams/{teamId}/summary"));
        await Expect(Kpi("interactions")).ToHaveTextAsync(Count(summary.RootElement.GetProperty("interactions").GetInt64()));
        await Expect(Kpi("qa")).ToHaveTextAsync(Percent(summary.RootElement.GetProperty("qaScore").GetDouble()));

        var agents = await Page.Locator("#agents tbody tr td:first-child").AllTextContentsAsync();
        var roster = Centre.Simulation.Roster().Where(r => r.TeamId == teamId).Select(r => r.AgentId).Order();
        Assert.Equal(roster, agents.Order());

        // The README's picture: saved with the test output, copied to docs/ by hand when the page changes.
        await Live();
        await SaveScreenshot("dashboard-team.png");
    }

    [Fact]
    public async Task The_agent_view_shows_the_agent_summary_cadence_and_latest_evaluations()
    {
        var agentId = Centre.Simulation.Roster().First().AgentId;
        await Open($"#/agent/{agentId}");
        await ViewLoaded("agent");
        using var summary = JsonDocument.Parse(await Centre.Http.GetStringAsync($"/api/agents/{agentId}/summary"));
        await Expect(Kpi("evaluations")).ToHaveTextAsync(Count(summary.RootElement.GetProperty("evaluations").GetInt64()));
        await Expect(Page.Locator(".due")).ToContainTextAsync("Next evaluation due");
        // Open API, every role's panels: the evaluator-adjusted score is there.
        await Expect(Page.Locator("#standing")).ToBeVisibleAsync();
        var rows = await Page.Locator(".panel").Filter(new() { HasText = "Latest evaluations" }).Locator("tbody tr").CountAsync();
        Assert.InRange(rows, 1, 10);
        await SaveScreenshot("dashboard-agent.png");
    }

    [Fact]
    public async Task The_forecast_panel_shows_the_staffing_endpoints_days()
    {
        // The real endpoint: two months of simulated history are enough to forecast, one row per forecast day.
        using var staffing = JsonDocument.Parse(await Centre.Http.GetStringAsync("/api/forecast/staffing?interval=day"));
        var intervals = staffing.RootElement.GetProperty("intervals");
        Assert.True(intervals.GetArrayLength() > 0);
        await Open("#/centre");
        await ViewLoaded("centre");
        await Expect(Page.Locator("#forecast tbody tr")).ToHaveCountAsync(intervals.GetArrayLength());
        var firstDay = intervals[0].GetProperty("forecast").GetProperty("intervalStart").GetString()![..10];
        await Expect(Page.Locator("#forecast tbody tr:first-child td").First).ToHaveTextAsync(firstDay);

        // A fixed answer of the same shape pins down how each figure is formatted.
        var days = Enumerable.Range(0, 7).Select(d => new
        {
            forecast = new { intervalStart = new DateTimeOffset(2025, 11, 3 + d, 0, 0, 0, TimeSpan.Zero), handleSeconds = 400.0, volume = 900.0 + d,
                volumeLower80 = 850.0, volumeUpper80 = 960.0 },
            staffing = new { agentsOnPhones = 9, agentsScheduled = 13, serviceLevel = 0.82, occupancy = 0.8 },
        });
        var answer = JsonSerializer.Serialize(new { intervals = days, nextPeak = new { day = "2025-12-01" } });
        await Page.RouteAsync(new Regex(@"/api/forecast/staffing\?"), route => route.FulfillAsync(new() { ContentType = "application/json", Body = answer }));
        await Open("#/centre?channel=call");
        await Expect(Page.Locator("#forecast tbody tr")).ToHaveCountAsync(7);
        await Expect(Page.Locator("#forecast tbody tr:first-child td"))
            .ToHaveTextAsync(["2025-11-03", "900 (850–960)", "6:40", "9", "13", "82%", "80%"]);
        await Page.UnrouteAllAsync();
    }

    [Fact]
    public async Task A_channel_filter_narrows_the_view_to_that_channel()
    {
        var teamId = Centre.Simulation.TeamIds[1];
        await Open($"#/team/{teamId}?channel=chat");
        await ViewLoaded("team", "chat only");
        using var chat = JsonDocument.Parse(await Centre.Http.GetStringAsync($"/api/teams/{teamId}/summary?channel=chat"));
        var interactions = chat.RootElement.GetProperty("interactions").GetInt64();
        await Expect(Kpi("interactions")).ToHaveTextAsync(Count(interactions));
        var expected = Centre.Simulation.Interactions().Count(i => i.TeamId == teamId && i.Channel == Channel.Chat);
        Assert.Equal(expected, interactions);
    }

    [Fact]
    public async Task An_open_team_view_follows_new_contacts_without_reloading()
    {
        var teamId = Centre.Simulation.TeamIds[2];
        await Open($"#/team/{teamId}");
        await ViewLoaded("team");
        await Live();
        await Page.EvaluateAsync("window.sameDocument = true");
        var before = await Kpi("interactions").TextContentAsync();

        var agent = Centre.Simulation.Roster().First(r => r.TeamId == teamId).AgentId;
        var start = new DateTimeOffset(SimulatedCentreFixture.Centre.Start.AddDays(3).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var added = Enumerable.Range(0, 25)
            .Select(i => (object)new Interaction($"live-{teamId}-{i}", Channel.Call, agent, teamId, "billing", start.AddMinutes(i), 300, null, null, true))
            .ToList();
        Assert.Equal(25, (await FactPoster.Post(Centre.Http, added)).Accepted);

        using var summary = JsonDocument.Parse(await Centre.Http.GetStringAsync($"/api/teams/{teamId}/summary"));
        var after = Count(summary.RootElement.GetProperty("interactions").GetInt64());
        Assert.NotEqual(before, after);
        await Expect(Kpi("interactions")).ToHaveTextAsync(after);
        Assert.True(await Page.EvaluateAsync<bool>("window.sameDocument === true"));
    }

    private async Task SaveScreenshot(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        var png = await Page.ScreenshotAsync(new() { Path = Path.Combine(folder.FullName, name), FullPage = true });
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    private static string Percent(double value) => value.ToString("F1", CultureInfo.InvariantCulture) + "%";
}
