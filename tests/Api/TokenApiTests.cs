using System.Net;
using System.Text;
using System.Text.Json;
using QmInsights.Domain.Access;

namespace QmInsights.Tests.Api;

public sealed class TokenApiTests(SecuredHostFixture host) : IClassFixture<SecuredHostFixture>
{
    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task An_issued_token_works_until_it_is_revoked_and_the_list_shows_no_secret()
    {
        using var issued = await SecuredHostFixture.Send(host.Admin, HttpMethod.Post, "/api/auth/tokens",
            """{ "role": "teamLead", "name": "temporary lead", "teamIds": ["sec-t1", "sec-t9"] }""");
        var id = issued.RootElement.GetProperty("id").GetString()!;
        var secret = issued.RootElement.GetProperty("token").GetString()!;

        using var lead = host.Client(secret);
        using (var me = JsonDocument.Parse(await lead.GetStringAsync("/api/auth/me")))
        {
            Assert.Equal("teamLead", me.RootElement.GetProperty("role").GetString());
            Assert.Equal("temporary lead", me.RootElement.GetProperty("name").GetString());
            Assert.Equal(JsonValueKind.Null, me.RootElement.GetProperty("agentId").ValueKind);
            Assert.Equal(["sec-t1", "sec-t9"], me.RootElement.GetProperty("teamIds").EnumerateArray().Select(t => t.GetString()));
        }

        var listText = await host.Admin.GetStringAsync("/api/auth/tokens");
        Assert.DoesNotContain(secret, listText);
        Assert.DoesNotContain(TokenSecret.Hash(secret), listText);
        using (var list = JsonDocument.Parse(listText))
        {
            var listed = list.RootElement.EnumerateArray().Single(t => t.GetProperty("id").GetString() == id);
            Assert.Equal(JsonValueKind.Null, listed.GetProperty("token").ValueKind);
            Assert.Equal("admin", listed.GetProperty("issuedBy").GetString());
        }

        using var revoke = await host.Admin.DeleteAsync($"/api/auth/tokens/{id}");
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        using var after = await lead.GetAsync("/api/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("revoked", await after.Content.ReadAsStringAsync());
        using var unknown = await host.Admin.DeleteAsync("/api/auth/tokens/no-such-token");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Invalid_token_requests_name_the_field()
    {
        using var response = await host.Admin.PostAsync("/api/auth/tokens", Json("""{ "role": "agent", "name": "no agent" }"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("agentId", await response.Content.ReadAsStringAsync());
        using var wrongType = await host.Admin.PostAsync("/api/auth/tokens", new StringContent("role=admin", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
    }

    [Fact]
    public async Task Wrong_and_missing_tokens_are_refused_with_401()
    {
        using var wrong = host.Client("qm_not-a-token");
        using var response = await wrong.GetAsync("/api/agents/sec-a1/summary");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task The_query_string_token_is_accepted_for_GET_under_api_events_only()
    {
        using var anonymous = host.As(null);
        var admin = Uri.EscapeDataString(SecuredHostFixture.AdminToken);
        // Authenticated as admin: the request gets past authorization to routing (no such event stream here: 404).
        using var events = await anonymous.GetAsync($"/api/events/none?access_token={admin}");
        Assert.Equal(HttpStatusCode.NotFound, events.StatusCode);
        using var elsewhere = await anonymous.GetAsync($"/api/auth/me?access_token={admin}");
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
        using var post = await anonymous.PostAsync($"/api/events/none?access_token={admin}", Json("{}"));
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
    }

    [Fact]
    public async Task Reads_refusals_ingests_and_token_issuance_are_in_the_audit_trail_with_actor_role_and_address()
    {
        using (var agent = host.As(Role.Agent)) (await agent.GetAsync("/api/agents/sec-a1/summary")).EnsureSuccessStatusCode();
        using (var lead = host.As(Role.TeamLead))
            Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync("/api/agents/sec-a2/evaluations")).StatusCode);
        using (var feed = host.As(Role.Integration))
            (await feed.PostAsync("/api/evaluations", new StringContent(
                """{"evaluationId":"sec-e1","interactionId":"sec-i9","agentId":"sec-a2","evaluatorId":"q1","scorecardId":"sec-card","kind":"regular","evaluatedAt":"2026-03-15T09:00:00Z","answers":{"a":"yes"}}""",
                Encoding.UTF8, "application/x-ndjson"))).EnsureSuccessStatusCode();

        using var own = JsonDocument.Parse(await host.Admin.GetStringAsync("/api/audit?agentId=sec-a1&actor=agent%20one"));
        var read = Assert.Single(own.RootElement.EnumerateArray());
        Assert.Equal("read agent summary", read.GetProperty("action").GetString());
        Assert.Equal("agent", read.GetProperty("role").GetString());
        Assert.Equal(host.TokenIds[Role.Agent], read.GetProperty("tokenId").GetString());
        Assert.Equal("127.0.0.1", read.GetProperty("remoteIp").GetString());
        Assert.Equal(200, read.GetProperty("status").GetInt32());

        using var other = JsonDocument.Parse(await host.Admin.GetStringAsync("/api/audit?agentId=sec-a2"));
        var entries = other.RootElement.EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("actor").GetString() == "lead" && e.GetProperty("status").GetInt32() == 403
                                      && e.GetProperty("action").GetString() == "read agent evaluations");
        Assert.Contains(entries, e => e.GetProperty("actor").GetString() == "feed" && e.GetProperty("action").GetString() == "ingest evaluations");
        // The fixture's roster entry and the agent token issued for sec-a1.
        using var issued = JsonDocument.Parse(await host.Admin.GetStringAsync("/api/audit?agentId=sec-a1&actor=admin"));
        Assert.Contains(issued.RootElement.EnumerateArray(), e => e.GetProperty("action").GetString() == "issue token");
        Assert.Contains(issued.RootElement.EnumerateArray(), e => e.GetProperty("action").GetString() == "change roster entry");

        using var future = JsonDocument.Parse(await host.Admin.GetStringAsync("/api/audit?from=2999-01-01"));
        Assert.Empty(future.RootElement.EnumerateArray());
        using var bad = await host.Admin.GetAsync("/api/audit?from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("from", await bad.Content.ReadAsStringAsync());
    }
}
