using System.Net;
using System.Text;
using QmInsights.Domain.Access;

namespace QmInsights.Tests.Api;

/// <summary>For each role, representative endpoints and the status each must answer. Columns: admin, qaManager,
/// teamLead (leads sec-t1), agent (is sec-a1), executive, integration, no token.</summary>
public sealed class RoleMatrixTests(SecuredHostFixture host) : IClassFixture<SecuredHostFixture>
{
    private static readonly Role?[] Columns = [Role.Admin, Role.QaManager, Role.TeamLead, Role.Agent, Role.Executive, Role.Integration, null];

    private const string Interaction =
        """{"interactionId":"sec-i1","channel":"call","agentId":"sec-a1","teamId":"sec-t1","queue":"q","startedAt":"2026-03-14T09:00:00Z","handleSeconds":300}""";

    [Theory]
    //                                                                               admin qa  lead agent exec integ none
    [InlineData("GET", "/api/agents/sec-a1/summary", null,                            200, 200, 200, 200, 403, 403, 401)]
    [InlineData("GET", "/api/agents/sec-a2/summary", null,                            200, 200, 403, 403, 403, 403, 401)]
    [InlineData("GET", "/api/agents/sec-a1/evaluations", null,                        200, 200, 200, 200, 403, 403, 401)]
    [InlineData("GET", "/api/agents/sec-a2/evaluations", null,                        200, 200, 403, 403, 403, 403, 401)]
    [InlineData("GET", "/api/agents/sec-a1", null,                                    200, 200, 200, 200, 403, 403, 401)]
    [InlineData("PUT", "/api/agents/sec-a3", """{"teamId":"sec-t2","hiredAt":"2025-01-01T00:00:00Z"}""", 200, 200, 403, 403, 403, 403, 401)]
    [InlineData("GET", "/api/teams/sec-t1/summary", null,                             200, 200, 200, 403, 200, 403, 401)]
    [InlineData("GET", "/api/teams/sec-t2/summary", null,                             200, 200, 403, 403, 200, 403, 401)]
    [InlineData("GET", "/api/scorecards/sec-card", null,                              200, 200, 200, 200, 200, 403, 401)]
    [InlineData("GET", "/api/scorecards/sec-card/items", null,                        200, 200, 403, 403, 200, 403, 401)]
    [InlineData("POST", "/api/interactions", Interaction,                             200, 200, 403, 403, 403, 200, 401)]
    [InlineData("GET", "/api/cadence?asOf=2026-03-20&teamId=sec-t1", null,            200, 200, 200, 403, 403, 403, 401)]
    [InlineData("GET", "/api/cadence?asOf=2026-03-20", null,                          200, 200, 403, 403, 403, 403, 401)]
    [InlineData("GET", "/api/insights/disagreeing-agents?teamId=sec-t1", null,        200, 200, 200, 403, 403, 403, 401)]
    [InlineData("GET", "/api/calibrations/none/results", null,                        404, 404, 403, 403, 403, 403, 401)]
    [InlineData("POST", "/api/admin/rebuild", null,                                   409, 403, 403, 403, 403, 403, 401)]
    [InlineData("GET", "/api/auth/tokens", null,                                      200, 403, 403, 403, 403, 403, 401)]
    [InlineData("GET", "/api/auth/me", null,                                          200, 200, 200, 200, 200, 200, 401)]
    [InlineData("GET", "/api/audit", null,                                            200, 403, 403, 403, 403, 403, 401)]
    [InlineData("GET", "/openapi/v1.json", null,                                      200, 200, 200, 200, 200, 200, 401)]
    [InlineData("GET", "/dashboard/", null,                                           200, 403, 403, 403, 403, 403, 401)]
    [InlineData("GET", "/api/centre/summary", null,                                   200, 200, 403, 403, 200, 403, 401)]
    [InlineData("GET", "/api/directory", null,                                        200, 200, 200, 200, 200, 403, 401)]
    [InlineData("GET", "/api/events", null,                                           200, 200, 200, 200, 200, 403, 401)]
    [InlineData("GET", "/api/forecast/handle-time", null,                             422, 422, 403, 403, 422, 403, 401)]
    [InlineData("GET", "/api/reports/monthly/2020-01?teamId=sec-t1", null,            404, 404, 404, 403, 404, 403, 401)]
    [InlineData("GET", "/api/reports/monthly/2020-01?teamId=sec-t2", null,            404, 404, 403, 403, 404, 403, 401)]
    // The pack for every role: the centre pack needs no team but a lead must name theirs; re-rendering is for QA and
    // admins; a month outside the plausible window is refused (after the role check).
    [InlineData("GET", "/api/reports/monthly/2020-01", null,                          404, 404, 403, 403, 404, 403, 401)]
    [InlineData("GET", "/api/reports/monthly/2020-01?teamId=sec-t1&refresh=true", null, 404, 404, 403, 403, 403, 403, 401)]
    [InlineData("GET", "/api/reports/monthly/9999-12", null,                          400, 400, 403, 403, 400, 403, 401)]
    // Packs by e-mail: subscriptions and the log hold e-mail addresses (QA and admins; the first PUT creates, the next
    // replaces); no mail server on this host.
    [InlineData("PUT", "/api/reports/subscriptions/sec-sub", """{"email":"x@centre.example","scope":"sec-t1","role":"executive"}""", 201, 200, 403, 403, 403, 403, 401)]
    [InlineData("GET", "/api/reports/subscriptions", null,                            200, 200, 403, 403, 403, 403, 401)]
    [InlineData("GET", "/api/reports/deliveries", null,                               200, 200, 403, 403, 403, 403, 401)]
    [InlineData("POST", "/api/reports/monthly/2026-03/send", null,                    409, 409, 403, 403, 403, 403, 401)]
    [InlineData("GET", "/api/reports/outlooks", null,                                 200, 200, 403, 403, 403, 403, 401)]
    [InlineData("POST", "/api/admin/repair/implausible-dates", null,                  200, 403, 403, 403, 403, 403, 401)]
    // An incomplete policy: past the role check it is refused as invalid, and the policy other rows rely on stays.
    [InlineData("PUT", "/api/cadence/policy", "{}",                                   400, 400, 403, 403, 403, 403, 401)]
    // No Retention:RawFactMonths on this host: past the role check there is nothing to delete.
    [InlineData("POST", "/api/admin/retention/run", null,                             409, 403, 403, 403, 403, 403, 401)]
    [InlineData("DELETE", "/api/agents/sec-gone/personal-data", null,                 200, 403, 403, 403, 403, 403, 401)]
    [InlineData("GET", "/health", null,                                               200, 200, 200, 200, 200, 200, 200)]
    public async Task Each_role_gets_the_expected_status(string method, string path, string? body, params int[] expected)
    {
        var actual = new List<int>();
        foreach (var role in Columns)
        {
            using var http = host.As(role);
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null)
                request.Content = new StringContent(body, Encoding.UTF8, path.Contains("interactions") ? "application/x-ndjson" : "application/json");
            // Headers only: the event stream never ends by itself.
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            actual.Add((int)response.StatusCode);
        }
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(Role.TeamLead, new[] { "sec-t1" }, new[] { "sec-a1" })]
    [InlineData(Role.Agent, new string[0], new[] { "sec-a1" })]
    [InlineData(Role.Executive, new[] { "sec-t1", "sec-t2" }, new string[0])]
    public async Task The_directory_names_only_whom_the_caller_may_see(Role role, string[] teams, string[] agents)
    {
        using var http = host.As(role);
        using var directory = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/api/directory"));
        var root = directory.RootElement;
        Assert.Equal(teams, root.GetProperty("teams").EnumerateArray().Select(t => t.GetProperty("teamId").GetString()!).Order());
        Assert.Equal(agents, root.GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("agentId").GetString()!).Order());
    }

    [Fact]
    public async Task A_refusal_says_which_rule_refused()
    {
        using var lead = host.As(Role.TeamLead);
        using var response = await lead.GetAsync("/api/agents/sec-a2/summary");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("'sec-a2' is not in this team lead's teams (sec-t1)", text);
        // Which team the agent is in is another team's roster: the refusal does not say.
        Assert.DoesNotContain("sec-t2", text);
        using var anonymous = host.As(null);
        using var missing = await anonymous.GetAsync("/api/auth/me");
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task The_OpenAPI_document_declares_bearer_authentication_and_the_roles_of_each_operation()
    {
        using var http = host.As(Role.Executive);
        using var document = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;
        Assert.Equal("bearer", root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        var summary = root.GetProperty("paths").GetProperty("/api/agents/{agentId}/summary").GetProperty("get").GetProperty("description").GetString();
        Assert.Contains("agentData (roles admin, qaManager, teamLead, agent; agent: only themself", summary);
    }
}
