using System.Globalization;
using System.Net;
using System.Text.Json;
using QmInsights.Domain.Facts;
using QmInsights.Tests.Api;

namespace QmInsights.Tests.Browser;

/// <summary>Behind a token the dashboard asks for it on the first 401, keeps it for the tab, and sends it with every
/// call and to the event stream. Tokens issued through <c>POST /api/auth/tokens</c> see only what their role may: an
/// agent their own view, a team lead their teams; the API refuses the rest also when asked from inside the page.</summary>
public sealed class SignInTests(TokenDashboardFixture centre) : IClassFixture<TokenDashboardFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private Chromium Browser => centre.Browser;

    [Fact]
    public async Task The_app_asks_for_the_token_then_shows_the_centre_and_goes_live()
    {
        await SignIn(centre.Token!, "#/centre", checkNothingShown: true);
        await Browser.WaitFor("document.querySelector('#main')?.dataset.view === 'centre' && document.querySelector('#teams')", Patience);
        Assert.False((await Browser.Evaluate("document.querySelector('#sign-in').open")).GetBoolean());
        Assert.Equal(centre.Token, (await Browser.Evaluate("sessionStorage.getItem('qm.token')")).GetString());
        // EventSource cannot send headers: the stream is opened with ?access_token= and must be let through.
        await Browser.WaitFor("document.querySelector('#live.on')", Patience);
    }

    [Fact]
    public async Task An_agents_login_cannot_see_another_agent()
    {
        var me = centre.Simulation.Roster().Last();
        var other = centre.Simulation.Roster().First(r => r.AgentId != me.AgentId);
        var secret = await Issue(new { role = "agent", name = "Agent under test", agentId = me.AgentId });

        await SignIn(secret, "#/centre");
        await ViewLoaded("agent");
        Assert.StartsWith(me.AgentId, await Text("h1"));
        Assert.Equal($"#/agent/{me.AgentId}", (await Browser.Evaluate("location.hash")).GetString());
        Assert.Equal(0, (await Browser.Evaluate("[...document.querySelectorAll('#tabs a, #team-picker, #agent-picker')].filter(e => !e.hidden).length")).GetInt32());
        var mine = await Evaluations(me.AgentId);
        Assert.Equal(mine, await Kpi("evaluations"));

        // Following a link to another agent brings the agent back to their own view and figures.
        await Browser.Evaluate($"location.hash = '#/agent/{other.AgentId}'");
        await Browser.WaitFor($"location.hash === '#/agent/{me.AgentId}'", Patience);
        await ViewLoaded("agent");
        Assert.StartsWith(me.AgentId, await Text("h1"));
        Assert.DoesNotContain(other.AgentId, await Text("#main"));
        Assert.Equal(mine, await Kpi("evaluations"));

        // The API refuses the other agent's figures to this token, from outside and from inside the page.
        using (var http = centre.Client(secret))
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
        Assert.Equal(401, (await Browser.Evaluate(
            $"fetch('/api/agents/{me.AgentId}/summary?access_token=' + encodeURIComponent(sessionStorage.getItem('qm.token'))).then(r => r.status)")).GetInt32());
        // The directory names no one else.
        var agents = await Browser.Evaluate(InPage("/api/directory") + ".then(r => r.json()).then(d => d.agents.map(a => a.agentId))");
        Assert.Equal([me.AgentId], agents.EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task A_team_lead_lands_on_their_team_picks_only_their_teams_and_follows_new_contacts()
    {
        var mine = centre.Simulation.TeamIds[1];
        var other = centre.Simulation.TeamIds.First(t => t != mine);
        var secret = await Issue(new { role = "teamLead", name = "Lead under test", teamIds = new[] { mine } });

        await SignIn(secret, "#/centre");
        await ViewLoaded("team");
        Assert.Equal($"#/team/{mine}", (await Browser.Evaluate("location.hash")).GetString());
        Assert.True((await Browser.Evaluate("document.querySelector('#tabs a[data-view=centre]').hidden")).GetBoolean());
        // The picker is filled from the real /api/directory, which answers a team lead with their teams only.
        var picked = await Browser.Evaluate("[...document.querySelectorAll('#filters select[name=team] option')].map(o => o.value)");
        Assert.Equal([mine], picked.EnumerateArray().Select(t => t.GetString()));
        var listed = await Browser.Evaluate(InPage("/api/directory") + ".then(r => r.json()).then(d => d.teams.map(t => t.teamId))");
        Assert.Equal([mine], listed.EnumerateArray().Select(t => t.GetString()));

        // Forecasts are centre-wide aggregates, refused to a team lead: the page leaves their panel out.
        Assert.Equal(403, await StatusInPage("/api/forecast/staffing?interval=day"));
        Assert.False((await Browser.Evaluate("!!document.querySelector('#forecast')")).GetBoolean());

        // Another team's figures are refused, and a link to that team lands back on the lead's own.
        Assert.Equal(403, await StatusInPage($"/api/teams/{other}/summary"));
        using (var http = centre.Client(secret))
        using (var refused = await http.GetAsync($"/api/teams/{other}/summary"))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        await Browser.Evaluate($"location.hash = '#/team/{other}'");
        await Browser.WaitFor($"location.hash === '#/team/{mine}'", Patience);
        await ViewLoaded("team");
        Assert.StartsWith(mine, await Text("h1"));

        // Live with security on: the stream, opened with ?access_token=, tells the open view of new contacts.
        await Browser.WaitFor("document.querySelector('#live.on')", Patience);
        await Browser.Evaluate("window.sameDocument = true");
        var before = await Kpi("interactions");
        var agent = centre.Simulation.Roster().First(r => r.TeamId == mine).AgentId;
        var start = new DateTimeOffset(SimulatedCentreFixture.Centre.Start.AddDays(4).ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero);
        var added = Enumerable.Range(0, 20)
            .Select(i => (object)new Interaction($"lead-live-{i}", Channel.Call, agent, mine, "billing", start.AddMinutes(i), 240, null, null, true))
            .ToList();
        Assert.Equal(20, (await FactPoster.Post(centre.Http, added)).Accepted);
        using var summary = JsonDocument.Parse(await centre.Http.GetStringAsync($"/api/teams/{mine}/summary"));
        var after = summary.RootElement.GetProperty("interactions").GetInt64().ToString("N0", CultureInfo.InvariantCulture);
        Assert.NotEqual(before, after);
        await Browser.WaitFor($"document.querySelector('[data-kpi=interactions] .value')?.textContent === '{after}'", Patience);
        Assert.True((await Browser.Evaluate("window.sameDocument === true")).GetBoolean());
    }

    /// <summary>Opens the app on a tab without a stored token and enters <paramref name="secret"/> in the sign-in dialog.</summary>
    private async Task SignIn(string secret, string fragment, bool checkNothingShown = false)
    {
        // One browser serves the class: forget the token an earlier test left in this tab.
        await Browser.Navigate(centre.AppUrl(fragment));
        await Browser.Evaluate("sessionStorage.clear()");
        await Browser.Navigate(centre.AppUrl(fragment));
        await Browser.WaitFor("document.querySelector('#sign-in').open", Patience);
        // Nothing behind the token is shown before it is given.
        if (checkNothingShown) Assert.False((await Browser.Evaluate("!!document.querySelector('[data-kpi]')")).GetBoolean());
        await Browser.Evaluate($"(() => {{ const f = document.querySelector('#sign-in-form'); f.token.value = '{secret}'; f.requestSubmit(); }})()");
    }

    private async Task<string> Issue(object request)
    {
        using var answer = await SecuredHostFixture.Send(centre.Http, HttpMethod.Post, "/api/auth/tokens", JsonSerializer.Serialize(request));
        return answer.RootElement.GetProperty("token").GetString()!;
    }

    private async Task<string> Evaluations(string agentId)
    {
        using var summary = JsonDocument.Parse(await centre.Http.GetStringAsync($"/api/agents/{agentId}/summary"));
        return summary.RootElement.GetProperty("evaluations").GetInt64().ToString("N0", CultureInfo.InvariantCulture);
    }

    // A fetch from inside the page with the signed-in token, as the app's own calls send it.
    private static string InPage(string path) =>
        $"fetch('{path}', {{ headers: {{ Authorization: 'Bearer ' + sessionStorage.getItem('qm.token') }} }})";

    private async Task<int> StatusInPage(string path) => (await Browser.Evaluate(InPage(path) + ".then(r => r.status)")).GetInt32();

    private async Task ViewLoaded(string view) =>
        await Browser.WaitFor($"document.querySelector('#main')?.dataset.view === '{view}' && document.querySelector('[data-kpi=interactions]')", Patience);

    private async Task<string> Text(string selector) =>
        (await Browser.Evaluate($"document.querySelector('{selector}').textContent")).GetString()!;

    private async Task<string> Kpi(string name) =>
        (await Browser.Evaluate($"document.querySelector('[data-kpi={name}] .value').textContent")).GetString()!;
}
