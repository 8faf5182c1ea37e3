using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using QmInsights.Domain.Facts;
using QmInsights.Tests.Api;

namespace QmInsights.Tests.Browser;

/// <summary>Behind a token the dashboard asks for it on the first 401, keeps it for the tab, and sends it with every
/// call and to the event stream. Tokens issued through <c>POST /api/auth/tokens</c> see only what their role may: an
/// agent their own view, a team lead their teams; the page asks for nothing the role may not read, and the API
/// refuses the rest also when asked from inside the page.</summary>
public sealed class SignInTests(TokenDashboardFixture centre) : BrowserTest(centre), IClassFixture<TokenDashboardFixture>
{
    // The API calls the page itself made that were refused (403), in order.
    private readonly List<string> _refused = [];

    [Fact]
    public async Task The_app_asks_for_the_token_then_shows_the_centre_and_goes_live()
    {
        await SignIn(Centre.Token!, "#/centre", checkNothingShown: true);
        await ViewLoaded("centre");
        await Expect(Page.Locator("#teams")).ToBeVisibleAsync();
        await Expect(Page.Locator("#sign-in")).ToBeHiddenAsync();
        Assert.Equal(Centre.Token, await Page.EvaluateAsync<string>("sessionStorage.getItem('qm.token')"));
        // EventSource cannot send headers: the stream is opened with ?access_token= and must be let through.
        await Live();
        Assert.Empty(_refused);
    }

    [Fact]
    public async Task An_agents_login_cannot_see_another_agent()
    {
        var me = Centre.Simulation.Roster().Last();
        var other = Centre.Simulation.Roster().First(r => r.AgentId != me.AgentId);
        const string name = "Agent under test";
        var secret = await Issue(new { role = "agent", name, agentId = me.AgentId });

        await SignIn(secret, "#/centre");
        await ViewLoaded("agent");
        await Expect(Page.Locator("h1")).ToHaveTextAsync(new Regex($"^{Regex.Escape(me.AgentId)}"));
        Assert.Equal($"#/agent/{me.AgentId}", await Hash());
        await Expect(Page.Locator("#tabs a:not([hidden]), #team-picker:not([hidden]), #agent-picker:not([hidden])")).ToHaveCountAsync(0);
        var mine = await Evaluations(me.AgentId);
        await Expect(Kpi("evaluations")).ToHaveTextAsync(mine);
        // The coaching panels (cadence, evaluator-adjusted score, QA vs customers) are for QA and team leads: the page
        // does not ask for them, so the agent's own page causes no refusal, in the browser or in the audit trail; the
        // agent's reads of their own figures are audited.
        await Live();
        await Expect(Page.Locator("#standing")).ToHaveCountAsync(0);
        Assert.Empty(_refused);
        using (var audit = JsonDocument.Parse(await Centre.Http.GetStringAsync($"/api/audit?actor={Uri.EscapeDataString(name)}")))
        {
            var entries = audit.RootElement.EnumerateArray().ToList();
            Assert.DoesNotContain(entries, e => e.GetProperty("status").GetInt32() == 403);
            Assert.Contains(entries, e => e.GetProperty("path").GetString() == $"/api/agents/{me.AgentId}/evaluations"
                                          && e.GetProperty("status").GetInt32() == 200);
        }

        // Following a link to another agent brings the agent back to their own view and figures.
        await Page.EvaluateAsync($"location.hash = '#/agent/{other.AgentId}'");
        await Expect(Page).ToHaveURLAsync(Centre.AppUrl($"#/agent/{me.AgentId}"));
        await ViewLoaded("agent");
        await Expect(Page.Locator("h1")).ToHaveTextAsync(new Regex($"^{Regex.Escape(me.AgentId)}"));
        Assert.DoesNotContain(other.AgentId, await Page.Locator("#main").TextContentAsync());
        await Expect(Kpi("evaluations")).ToHaveTextAsync(mine);

        // The API refuses the other agent's figures to this token, from outside and from inside the page.
        using (var http = Centre.Client(secret))
        {
            foreach (var path in new[] { $"/api/agents/{other.AgentId}/summary", $"/api/agents/{other.AgentId}/evaluations" })
            {
                using var refused = await http.GetAsync(path);
                Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            }
            using var own = await http.GetAsync($"/api/agents/{me.AgentId}/summary");
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        }
        Assert.Equal(403, await StatusInPage($"/api/agents/{other.AgentId}/summary"));
        Assert.Equal(403, await StatusInPage($"/api/agents/{other.AgentId}/evaluations"));
        // The query-string token is for the event stream only.
        Assert.Equal(401, await Page.EvaluateAsync<int>(
            $"fetch('/api/agents/{me.AgentId}/summary?access_token=' + encodeURIComponent(sessionStorage.getItem('qm.token'))).then(r => r.status)"));
        // The directory names no one else.
        var agents = await Page.EvaluateAsync<string[]>(InPage("/api/directory") + ".then(r => r.json()).then(d => d.agents.map(a => a.agentId))");
        Assert.Equal([me.AgentId], agents);
    }

    [Fact]
    public async Task A_team_lead_lands_on_their_team_picks_only_their_teams_and_follows_new_contacts()
    {
        var mine = Centre.Simulation.TeamIds[1];
        var other = Centre.Simulation.TeamIds.First(t => t != mine);
        var secret = await Issue(new { role = "teamLead", name = "Lead under test", teamIds = new[] { mine } });

        await SignIn(secret, "#/centre");
        await ViewLoaded("team");
        Assert.Equal($"#/team/{mine}", await Hash());
        await Expect(Page.Locator("#tabs a[data-view=centre]")).ToBeHiddenAsync();
        // The picker is filled from the real /api/directory, which answers a team lead with their teams only.
        Assert.Equal([mine], await Page.Locator("#filters select[name=team] option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)"));
        var listed = await Page.EvaluateAsync<string[]>(InPage("/api/directory") + ".then(r => r.json()).then(d => d.teams.map(t => t.teamId))");
        Assert.Equal([mine], listed);

        // Forecasts are centre-wide aggregates, refused to a team lead: the page neither asks for them nor shows the panel.
        await Live();
        Assert.Empty(_refused);
        Assert.Equal(403, await StatusInPage("/api/forecast/staffing?interval=day"));
        await Expect(Page.Locator("#forecast")).ToHaveCountAsync(0);

        // Another team's figures are refused, and a link to that team lands back on the lead's own.
        Assert.Equal(403, await StatusInPage($"/api/teams/{other}/summary"));
        using (var http = Centre.Client(secret))
        using (var refused = await http.GetAsync($"/api/teams/{other}/summary"))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await Page.EvaluateAsync($"location.hash = '#/team/{other}'");
        await Expect(Page).ToHaveURLAsync(Centre.AppUrl($"#/team/{mine}"));
        await ViewLoaded("team", mine);

        // Live with security on: the stream, opened with ?access_token=, tells the open view of new contacts.
        await Live();
        await Page.EvaluateAsync("window.sameDocument = true");
        var before = await Kpi("interactions").TextContentAsync();
        var agent = Centre.Simulation.Roster().First(r => r.TeamId == mine).AgentId;
        var start = new DateTimeOffset(SimulatedCentreFixture.Centre.Start.AddDays(4).ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero);
        var added = Enumerable.Range(0, 20)
            .Select(i => (object)new Interaction($"lead-live-{i}", Channel.Call, agent, mine, "billing", start.AddMinutes(i), 240, null, null, true))
            .ToList();
        Assert.Equal(20, (await FactPoster.Post(Centre.Http, added)).Accepted);
        using var summary = JsonDocument.Parse(await Centre.Http.GetStringAsync($"/api/teams/{mine}/summary"));
        var after = Count(summary.RootElement.GetProperty("interactions").GetInt64());
        Assert.NotEqual(before, after);
        await Expect(Kpi("interactions")).ToHaveTextAsync(after);
        Assert.True(await Page.EvaluateAsync<bool>("window.sameDocument === true"));
    }

    /// <summary>Opens the app (a fresh context: no stored token) and enters <paramref name="secret"/> in the sign-in
    /// dialog; from then on records every API call of the page that is refused.</summary>
    private async Task SignIn(string secret, string fragment, bool checkNothingShown = false)
    {
        Page.Response += (_, response) =>
        {
            if (response.Status == 403 && response.Url.Contains("/api/", StringComparison.Ordinal)) _refused.Add(response.Url);
        };
        await Open(fragment);
        await Expect(Page.Locator("#sign-in")).ToBeVisibleAsync();
        // Nothing behind the token is shown before it is given.
        if (checkNothingShown) await Expect(Page.Locator("[data-kpi]")).ToHaveCountAsync(0);
        await Page.Locator("#sign-in-form [name=token]").FillAsync(secret);
        await Page.Locator("#sign-in-form button[type=submit]").ClickAsync();
    }

    private async Task<string> Issue(object request)
    {
        using var answer = await SecuredHostFixture.Send(Centre.Http, HttpMethod.Post, "/api/auth/tokens", JsonSerializer.Serialize(request));
        return answer.RootElement.GetProperty("token").GetString()!;
    }

    private async Task<string> Evaluations(string agentId)
    {
        using var summary = JsonDocument.Parse(await Centre.Http.GetStringAsync($"/api/agents/{agentId}/summary"));
        return Count(summary.RootElement.GetProperty("evaluations").GetInt64());
    }

    private Task<string> Hash() => Page.EvaluateAsync<string>("location.hash");

    // A fetch from inside the page with the signed-in token, as the app's own calls send it (the test's own
    // refused calls are made after the page's have been checked).
    private static string InPage(string path) =>
        $"fetch('{path}', {{ headers: {{ Authorization: 'Bearer ' + sessionStorage.getItem('qm.token') }} }})";

    private Task<int> StatusInPage(string path) => Page.EvaluateAsync<int>(InPage(path) + ".then(r => r.status)");
}
