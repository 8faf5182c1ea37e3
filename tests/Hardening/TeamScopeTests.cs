using System.Text;
using System.Text.Json;
using QmInsights.Tests.Api;

namespace QmInsights.Tests.Hardening;

/// <summary>Finding 10: a team's disagreeing agents are the agents rostered in it, not everybody who once had a contact
/// there (whose figures from every team the team's lead would otherwise read).</summary>
public sealed class TeamScopeTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static StringContent Json(string text, string type = "application/json") => new(text, Encoding.UTF8, type);

    [Fact]
    public async Task One_contact_in_a_team_does_not_put_an_agent_of_another_team_among_its_disagreeing_agents()
    {
        (await host.Http.PutAsync("/api/scorecards/dis-card", Json("""
            { "name": "Dis", "targetPercent": 80, "sections": [ { "id": "s", "name": "S", "items": [
              { "id": "x", "text": "X", "points": 1 }, { "id": "y", "text": "Y", "points": 1 } ] } ] }
            """))).EnsureSuccessStatusCode();
        var roster = new Dictionary<string, string> { ["dis-a1"] = "dis-t1", ["dis-a2"] = "dis-t1", ["dis-a3"] = "dis-t1", ["dis-x"] = "dis-t2" };
        foreach (var (agent, team) in roster)
            (await host.Http.PutAsync($"/api/agents/{agent}", Json($$"""{ "teamId": "{{team}}", "hiredAt": "2024-01-10T08:00:00Z" }"""))).EnsureSuccessStatusCode();

        var (contacts, surveys, evaluations) = (new StringBuilder(), new StringBuilder(), new StringBuilder());
        var n = 0;
        foreach (var (agent, index) in roster.Keys.Select((a, i) => (a, i)))
            for (var c = 0; c < 26; c++, n++)
            {
                // dis-x works in dis-t2 but handled its first contact for dis-t1.
                var team = agent == "dis-x" && c > 0 ? "dis-t2" : "dis-t1";
                var day = 2 + c % 20;
                contacts.AppendLine($$"""{"interactionId":"dis-i{{n}}","channel":"call","agentId":"{{agent}}","teamId":"{{team}}","queue":"q","startedAt":"2026-03-{{day:00}}T09:00:00Z","handleSeconds":300}""");
                surveys.AppendLine($$"""{"interactionId":"dis-i{{n}}","answeredAt":"2026-03-{{day:00}}T10:00:00Z","csat":{{(c % (index + 2) == 0 ? 2 : 5)}}}""");
                if (c < 6)
                {
                    var (x, y) = ((c + index) % 2 == 0 ? "yes" : "no", index % 2 == 0 ? "yes" : "no");
                    evaluations.AppendLine($$$"""{"evaluationId":"dis-e{{{n}}}","interactionId":"dis-i{{{n}}}","agentId":"{{{agent}}}","evaluatorId":"ev","scorecardId":"dis-card","kind":"regular","evaluatedAt":"2026-03-{{{day:00}}}T11:00:00Z","answers":{"x":"{{{x}}}","y":"{{{y}}}"}}""");
                }
            }
        foreach (var (path, body) in new[] { ("/api/interactions", contacts), ("/api/surveys", surveys), ("/api/evaluations", evaluations) })
            (await host.Http.PostAsync(path, Json(body.ToString(), "application/x-ndjson"))).EnsureSuccessStatusCode();

        using var centre = JsonDocument.Parse(await host.Http.GetStringAsync("/api/insights/disagreeing-agents?from=2026-03-01&to=2026-03-31"));
        Assert.Contains("dis-x", centre.RootElement.EnumerateArray().Select(a => a.GetProperty("agentId").GetString()));
        using var team1 = JsonDocument.Parse(await host.Http.GetStringAsync("/api/insights/disagreeing-agents?from=2026-03-01&to=2026-03-31&teamId=dis-t1"));
        var listed = team1.RootElement.EnumerateArray().Select(a => a.GetProperty("agentId").GetString()).ToList();
        Assert.NotEmpty(listed);
        Assert.DoesNotContain("dis-x", listed);
    }
}
