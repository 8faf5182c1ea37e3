using System.Net;
using System.Text;
using System.Text.Json;

namespace QmInsights.Tests.Api;

public sealed class CadenceApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static StringContent Json(string text, string type = "application/json") => new(text, Encoding.UTF8, type);

    [Fact]
    public async Task Cadence_covers_every_rostered_agent_including_those_never_evaluated()
    {
        (await host.Http.PutAsync("/api/scorecards/cad-card", Json("""
            { "name": "Cad", "targetPercent": 90, "sections": [ { "id": "s", "name": "S", "items": [
              { "id": "a", "text": "A", "points": 1 }, { "id": "b", "text": "B", "points": 1 } ] } ] }
            """))).EnsureSuccessStatusCode();
        (await host.Http.PutAsync("/api/agents/cad-new", Json("""{ "teamId": "cad-team", "hiredAt": "2026-03-10T08:00:00Z" }"""))).EnsureSuccessStatusCode();
        (await host.Http.PutAsync("/api/agents/cad-low", Json("""{ "teamId": "cad-team", "hiredAt": "2024-01-10T08:00:00Z" }"""))).EnsureSuccessStatusCode();
        (await host.Http.PutAsync("/api/agents/cad-never", Json("""{ "teamId": "cad-team", "hiredAt": "2024-01-10T08:00:00Z" }"""))).EnsureSuccessStatusCode();
        var facts = string.Join('\n',
            """{"interactionId":"cad-i1","channel":"call","agentId":"cad-low","teamId":"cad-team","queue":"q","startedAt":"2026-03-14T09:00:00Z","handleSeconds":300}""");
        (await host.Http.PostAsync("/api/interactions", Json(facts, "application/x-ndjson"))).EnsureSuccessStatusCode();
        (await host.Http.PostAsync("/api/evaluations", Json(
            """{"evaluationId":"cad-e1","interactionId":"cad-i1","agentId":"cad-low","evaluatorId":"q9","scorecardId":"cad-card","kind":"regular","evaluatedAt":"2026-03-15T09:00:00Z","answers":{"a":"yes","b":"no"}}"""))).EnsureSuccessStatusCode();

        using var report = JsonDocument.Parse(await host.Http.GetStringAsync("/api/cadence?asOf=2026-03-20&teamId=cad-team"));
        var agents = report.RootElement.GetProperty("agents").EnumerateArray().ToDictionary(a => a.GetProperty("agentId").GetString()!);
        Assert.Equal(3, agents.Count);
        Assert.Equal("new hire", agents["cad-new"].GetProperty("rule").GetString());
        Assert.Equal("below target", agents["cad-low"].GetProperty("rule").GetString()); // 50% against 90%
        Assert.Equal("2026-03-22", agents["cad-low"].GetProperty("dueOn").GetString());
        Assert.Equal("due", agents["cad-low"].GetProperty("status").GetString());
        Assert.Equal("overdue", agents["cad-never"].GetProperty("status").GetString());
        var team = report.RootElement.GetProperty("teams").EnumerateArray().Single();
        Assert.Equal(1, team.GetProperty("evaluationsThisMonth").GetInt32());
        Assert.Equal(12, team.GetProperty("quota").GetInt32());

        // cad-i1 is evaluated: nothing left to suggest for its agent; a fresh contact of cad-new is suggested.
        (await host.Http.PostAsync("/api/interactions", Json(
            """{"interactionId":"cad-i2","channel":"chat","agentId":"cad-new","teamId":"cad-team","queue":"q","startedAt":"2026-03-18T09:00:00Z","handleSeconds":200}""",
            "application/x-ndjson"))).EnsureSuccessStatusCode();
        using var sample = JsonDocument.Parse(await host.Http.GetStringAsync("/api/sampling?from=2026-03-01&to=2026-03-20&teamId=cad-team"));
        var suggested = sample.RootElement.EnumerateArray().Select(s => s.GetProperty("interactionId").GetString()).ToList();
        Assert.Equal(["cad-i2"], suggested);

        using var bad = await host.Http.GetAsync("/api/cadence?asOf=soon");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
