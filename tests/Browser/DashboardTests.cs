using System.Globalization;
using System.Text.Json;
using QmInsights.Domain.Facts;
using QmInsights.Tests.Api;

namespace QmInsights.Tests.Browser;

/// <summary>The dashboard in headless Chromium against a host fed a simulated centre: it shows the engine's figures,
/// and new data reaches an open page through server-sent events without a reload.</summary>
public sealed class DashboardTests(DashboardFixture centre) : IClassFixture<DashboardFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private Chromium Browser => centre.Browser;

    [Fact]
    public async Task The_centre_view_shows_the_centre_summary_and_every_team()
    {
        await Browser.Navigate(centre.AppUrl("#/centre"));
        await ViewLoaded("centre");
        using var summary = JsonDocument.Parse(await centre.Http.GetStringAsync("/api/centre/summary"));
        var interactions = summary.RootElement.GetProperty("centre").GetProperty("interactions").GetInt64();
        Assert.Equal(Count(interactions), await Kpi("interactions"));
        // The centre is the sum of its teams.
        var teamTotals = await Task.WhenAll(centre.Simulation.TeamIds.Select(async t =>
        {
            using var team = JsonDocument.Parse(await centre.Http.GetStringAsync($"/api/teams/{t}/summary"));
            return team.RootElement.GetProperty("interactions").GetInt64();
        }));
        Assert.Equal(teamTotals.Sum(), interactions);

        var teams = await Browser.Evaluate("[...document.querySelectorAll('#teams tbody tr td:first-child')].map(td => td.textContent)");
        Assert.Equal(centre.Simulation.TeamIds.Order(), teams.EnumerateArray().Select(t => t.GetString()!));
        // Trend charts are drawn: one QA line, one CSAT line, one NPS line at least.
        Assert.True((await Browser.Evaluate("document.querySelectorAll('.chart path.line').length")).GetInt32() >= 3);
        Assert.Equal("live", (await Browser.WaitFor("document.querySelector('#live.on')?.textContent", Patience)).GetString());
        await SaveScreenshot("dashboard-centre.png");
    }

    [Fact]
    public async Task The_team_view_shows_the_team_summary_and_its_agents()
    {
        var teamId = centre.Simulation.TeamIds[0];
        await Browser.Navigate(centre.AppUrl($"#/team/{teamId}"));
        await ViewLoaded("team");
        using var summary = JsonDocument.Parse(await centre.Http.GetStringAsync($"/api/teams/{teamId}/summary"));
        Assert.Equal(Count(summary.RootElement.GetProperty("interactions").GetInt64()), await Kpi("interactions"));
        Assert.Equal(Percent(summary.RootElement.GetProperty("qaScore").GetDouble()), await Kpi("qa"));

        var agents = await Browser.Evaluate("[...document.querySelectorAll('#agents tbody tr td:first-child')].map(td => td.textContent)");
        var roster = centre.Simulation.Roster().Where(r => r.TeamId == teamId).Select(r => r.AgentId).Order();
        Assert.Equal(roster, agents.EnumerateArray().Select(a => a.GetString()!).Order());

        // The README's picture: saved with the test output, copied to docs/ by hand when the page changes.
        await Browser.WaitFor("document.querySelector('#live.on')", Patience);
        await SaveScreenshot("dashboard-team.png");
    }

    [Fact]
    public async Task The_agent_view_shows_the_agent_summary_cadence_and_latest_evaluations()
    {
        var agentId = centre.Simulation.Roster().First().AgentId;
        await Browser.Navigate(centre.AppUrl($"#/agent/{agentId}"));
        await ViewLoaded("agent");
        using var summary = JsonDocument.Parse(await centre.Http.GetStringAsync($"/api/agents/{agentId}/summary"));
        Assert.Equal(Count(summary.RootElement.GetProperty("evaluations").GetInt64()), await Kpi("evaluations"));
        Assert.Contains("Next evaluation due", (await Browser.Evaluate("document.querySelector('.due').textContent")).GetString());
        var rows = await Browser.Evaluate("[...document.querySelectorAll('.panel')].find(p => p.textContent.startsWith('Latest evaluations')).querySelectorAll('tbody tr').length");
        Assert.InRange(rows.GetInt32(), 1, 10);
        await SaveScreenshot("dashboard-agent.png");
    }

    [Fact]
    public async Task The_forecast_panel_shows_the_staffing_endpoints_days()
    {
        // The real endpoint: two months of simulated history are enough to forecast, one row per forecast day.
        using var staffing = JsonDocument.Parse(await centre.Http.GetStringAsync("/api/forecast/staffing?interval=day"));
        var intervals = staffing.RootElement.GetProperty("intervals");
        Assert.True(intervals.GetArrayLength() > 0);
        await Browser.Navigate(centre.AppUrl("#/centre"));
        await ViewLoaded("centre");
        await Browser.WaitFor($"document.querySelectorAll('#forecast tbody tr').length === {intervals.GetArrayLength()}", Patience);
        var firstDay = intervals[0].GetProperty("forecast").GetProperty("intervalStart").GetString()![..10];
        Assert.Equal(firstDay, (await Browser.Evaluate("document.querySelector('#forecast tbody tr:first-child td').textContent")).GetString());

        // A fixed answer of the same shape pins down how each figure is formatted.
        var days = Enumerable.Range(0, 7).Select(d => new
        {
            forecast = new { intervalStart = new DateTimeOffset(2025, 11, 3 + d, 0, 0, 0, TimeSpan.Zero), handleSeconds = 400.0, volume = 900.0 + d,
                volumeLower80 = 850.0, volumeUpper80 = 960.0 },
            staffing = new { agentsOnPhones = 9, agentsScheduled = 13, serviceLevel = 0.82, occupancy = 0.8 },
        });
        await using (await Browser.Answer("*/api/forecast/staffing*", JsonSerializer.Serialize(new { intervals = days, nextPeak = new { day = "2025-12-01" } })))
        {
            await Browser.Navigate(centre.AppUrl("#/centre?channel=call"));
            await Browser.WaitFor("document.querySelectorAll('#forecast tbody tr').length === 7", Patience);
            var first = await Browser.Evaluate("[...document.querySelectorAll('#forecast tbody tr:first-child td')].map(td => td.textContent)");
            Assert.Equal(["2025-11-03", "900 (850–960)", "6:40", "9", "13", "82%", "80%"], first.EnumerateArray().Select(c => c.GetString()));
        }
    }

    private async Task SaveScreenshot(string name)
    {
        var png = await Browser.Screenshot();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        await File.WriteAllBytesAsync(Path.Combine(folder.FullName, name), png);
    }

    [Fact]
    public async Task A_channel_filter_narrows_the_view_to_that_channel()
    {
        var teamId = centre.Simulation.TeamIds[1];
        await Browser.Navigate(centre.AppUrl($"#/team/{teamId}?channel=chat"));
        await ViewLoaded("team", "chat only");
        using var chat = JsonDocument.Parse(await centre.Http.GetStringAsync($"/api/teams/{teamId}/summary?channel=chat"));
        var interactions = chat.RootElement.GetProperty("interactions").GetInt64();
        Assert.Equal(Count(interactions), await Kpi("interactions"));
        var expected = centre.Simulation.Interactions().Count(i => i.TeamId == teamId && i.Channel == Channel.Chat);
        Assert.Equal(expected, interactions);
    }

    [Fact]
    public async Task An_open_team_view_follows_new_contacts_without_reloading()
    {
        var teamId = centre.Simulation.TeamIds[2];
        await Browser.Navigate(centre.AppUrl($"#/team/{teamId}"));
        await ViewLoaded("team");
        await Browser.WaitFor("document.querySelector('#live.on')", Patience);
        await Browser.Evaluate("window.sameDocument = true");
        var before = await Kpi("interactions");

        var agent = centre.Simulation.Roster().First(r => r.TeamId == teamId).AgentId;
        var start = new DateTimeOffset(SimulatedCentreFixture.Centre.Start.AddDays(3).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var added = Enumerable.Range(0, 25)
            .Select(i => (object)new Interaction($"live-{teamId}-{i}", Channel.Call, agent, teamId, "billing", start.AddMinutes(i), 300, null, null, true))
            .ToList();
        Assert.Equal(25, (await FactPoster.Post(centre.Http, added)).Accepted);

        using var summary = JsonDocument.Parse(await centre.Http.GetStringAsync($"/api/teams/{teamId}/summary"));
        var after = Count(summary.RootElement.GetProperty("interactions").GetInt64());
        Assert.NotEqual(before, after);
        var shown = await Browser.WaitFor($"document.querySelector('[data-kpi=interactions] .value').textContent === '{after}'", Patience);
        Assert.True(shown.GetBoolean());
        Assert.True((await Browser.Evaluate("window.sameDocument === true")).GetBoolean());
    }

    private async Task ViewLoaded(string view, string? heading = null)
    {
        await Browser.WaitFor($"document.querySelector('#main')?.dataset.view === '{view}' && document.querySelector('[data-kpi=interactions]')" +
            (heading is null ? "" : $" && document.querySelector('h1').textContent.includes('{heading}')"), Patience);
    }

    private async Task<string> Kpi(string name) =>
        (await Browser.Evaluate($"document.querySelector('[data-kpi={name}] .value').textContent")).GetString()!;

    // The page formats like en-GB, which for these numbers is the invariant format: thousands with commas, one decimal.
    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(double value) => value.ToString("F1", CultureInfo.InvariantCulture) + "%";
}
