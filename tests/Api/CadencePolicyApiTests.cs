using System.Net;
using System.Text;
using System.Text.Json;

namespace QmInsights.Tests.Api;

/// <summary>The policy is centre-wide: its own host, so other cadence tests keep the defaults.</summary>
public sealed class CadencePolicyApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static StringContent Json(string text, string type = "application/json") => new(text, Encoding.UTF8, type);

    [Fact]
    public async Task A_changed_policy_is_kept_and_cadence_and_sampling_follow_it()
    {
        using var defaults = JsonDocument.Parse(await host.Http.GetStringAsync("/api/cadence/policy"));
        Assert.Equal(4, defaults.RootElement.GetProperty("monthlyQuota").GetInt32());
        Assert.Equal(14, defaults.RootElement.GetProperty("regularIntervalDays").GetInt32());

        (await host.Http.PutAsync("/api/agents/pol-vet", Json("""{ "teamId": "pol-team", "hiredAt": "2026-01-05T08:00:00Z" }"""))).EnsureSuccessStatusCode();
        (await host.Http.PostAsync("/api/interactions", Json(
            """{"interactionId":"pol-i1","channel":"chat","agentId":"pol-vet","teamId":"pol-team","queue":"q","startedAt":"2026-03-18T09:00:00Z","handleSeconds":200}""",
            "application/x-ndjson"))).EnsureSuccessStatusCode();
        // Under the defaults the agent (hired 74 days before) is a regular one and gets the regular count.
        using var before = JsonDocument.Parse(await host.Http.GetStringAsync("/api/cadence?asOf=2026-03-20&teamId=pol-team"));
        Assert.Equal("regular", before.RootElement.GetProperty("agents")[0].GetProperty("rule").GetString());

        using var put = await host.Http.PutAsync("/api/cadence/policy", Json("""
            { "newHireDays": 90, "newHireIntervalDays": 5, "belowTargetIntervalDays": 7, "regularIntervalDays": 21, "monthlyQuota": 6, "dueWithinDays": 3 }
            """));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var kept = JsonDocument.Parse(await host.Http.GetStringAsync("/api/cadence/policy"));
        Assert.Equal(6, kept.RootElement.GetProperty("monthlyQuota").GetInt32());
        Assert.Equal(90, kept.RootElement.GetProperty("newHireDays").GetInt32());

        using var after = JsonDocument.Parse(await host.Http.GetStringAsync("/api/cadence?asOf=2026-03-20&teamId=pol-team"));
        var agent = after.RootElement.GetProperty("agents")[0];
        Assert.Equal("new hire", agent.GetProperty("rule").GetString()); // 74 days < 90
        Assert.Equal(6, agent.GetProperty("monthlyQuota").GetInt32());
        Assert.Equal(6, after.RootElement.GetProperty("teams")[0].GetProperty("quota").GetInt32());
        Assert.Equal(21, after.RootElement.GetProperty("policy").GetProperty("regularIntervalDays").GetInt32());
        using var sample = JsonDocument.Parse(await host.Http.GetStringAsync("/api/sampling?from=2026-03-01&to=2026-03-20&teamId=pol-team"));
        Assert.EndsWith("new hire", sample.RootElement[0].GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("""{ "newHireDays": 30, "newHireIntervalDays": 7, "belowTargetIntervalDays": 7, "regularIntervalDays": 14, "monthlyQuota": -1, "dueWithinDays": 2 }""", "monthlyQuota")]
    [InlineData("""{ "newHireDays": 30, "newHireIntervalDays": 7, "belowTargetIntervalDays": 7, "regularIntervalDays": 14, "dueWithinDays": 2 }""", "monthlyQuota")]
    [InlineData("""{ "newHireDays": 30, "newHireIntervalDays": 7, "belowTargetIntervalDays": 30, "regularIntervalDays": 14, "monthlyQuota": 4, "dueWithinDays": 2 }""", "belowTargetIntervalDays")]
    [InlineData("""{ "newHireDays": "soon", "newHireIntervalDays": 7, "belowTargetIntervalDays": 7, "regularIntervalDays": 14, "monthlyQuota": 4, "dueWithinDays": 2 }""", "newHireDays")]
    [InlineData("""{ "newHireDays": 30, "newHireIntervalDays": 7, "belowTargetIntervalDays": 7, "regularIntervalDays": 14, "monthlyQuota": 4, "dueWithinDays": 2, "weekly": 1 }""", "weekly")]
    public async Task An_invalid_policy_is_refused_naming_the_field_and_changes_nothing(string body, string field)
    {
        using var before = JsonDocument.Parse(await host.Http.GetStringAsync("/api/cadence/policy"));
        using var response = await host.Http.PutAsync("/api/cadence/policy", Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        using var after = JsonDocument.Parse(await host.Http.GetStringAsync("/api/cadence/policy"));
        Assert.Equal(before.RootElement.GetRawText(), after.RootElement.GetRawText());
    }
}
