using System.Text;
using System.Text.Json;
using QmInsights.Tests.Storage;

namespace QmInsights.Tests.Postgres;

public sealed class CadencePolicyPostgresTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task The_cadence_policy_and_the_list_of_calibration_sessions_survive_a_restarted_cluster()
    {
        var connectionString = await server.CreateDatabase("policy");
        var (app, http) = await DurableIngestTests.StartSilo(connectionString);
        (await http.PutAsync("/api/cadence/policy", Json("""
            { "newHireDays": 45, "newHireIntervalDays": 7, "belowTargetIntervalDays": 10, "regularIntervalDays": 28, "monthlyQuota": 2, "dueWithinDays": 1 }
            """))).EnsureSuccessStatusCode();
        (await http.PutAsync("/api/scorecards/pp-card", Json("""
            { "name": "P", "targetPercent": 80, "sections": [ { "id": "s", "name": "S", "items": [ { "id": "a", "text": "A", "points": 1 } ] } ] }
            """))).EnsureSuccessStatusCode();
        (await http.PutAsync("/api/calibrations/pp-session", Json("""
            { "interactionIds": ["pp-i1"], "evaluatorIds": ["e1", "e2"], "scorecardId": "pp-card" }
            """))).EnsureSuccessStatusCode();
        await DurableIngestTests.Stop(app, http);

        (app, http) = await DurableIngestTests.StartSilo(connectionString);
        using var policy = JsonDocument.Parse(await http.GetStringAsync("/api/cadence/policy"));
        Assert.Equal(2, policy.RootElement.GetProperty("monthlyQuota").GetInt32());
        Assert.Equal(28, policy.RootElement.GetProperty("regularIntervalDays").GetInt32());
        using var trend = JsonDocument.Parse(await http.GetStringAsync("/api/calibrations"));
        Assert.Equal(["pp-session"], trend.RootElement.GetProperty("openSessions").EnumerateArray().Select(s => s.GetString()));
        await DurableIngestTests.Stop(app, http);
    }
}
