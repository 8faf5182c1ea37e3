using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using QmInsights.Domain.Access;
using QmInsights.Silo.Hosting;

namespace QmInsights.Tests.Api;

/// <summary>The real host with <c>Auth:AdminToken</c> set, a small roster (sec-a1 in team sec-t1, sec-a2 in sec-t2)
/// and one issued token per role: the team lead leads sec-t1, the agent is sec-a1.</summary>
public sealed class SecuredHostFixture : IAsyncLifetime
{
    public const string AdminToken = "fixture-admin-secret";

    private WebApplication? _app;
    private readonly Dictionary<Role, string> _tokens = new();

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    /// <summary>Token ids by role, as issued (the admin token has none).</summary>
    public Dictionary<Role, string> TokenIds { get; } = new();

    public async ValueTask InitializeAsync()
    {
        _app = QmHost.Build([.. FreePorts.LocalHostArgs(), $"--Auth:AdminToken={AdminToken}"]);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
        Admin = Client(AdminToken);
        await Send(Admin, HttpMethod.Put, "/api/scorecards/sec-card", """
            { "name": "Sec", "targetPercent": 90, "sections": [ { "id": "s", "name": "S", "items": [ { "id": "a", "text": "A", "points": 1 } ] } ] }
            """);
        await Send(Admin, HttpMethod.Put, "/api/agents/sec-a1", """{ "teamId": "sec-t1", "hiredAt": "2024-01-10T08:00:00Z" }""");
        await Send(Admin, HttpMethod.Put, "/api/agents/sec-a2", """{ "teamId": "sec-t2", "hiredAt": "2024-01-10T08:00:00Z" }""");
        await Issue(Role.QaManager, """{ "role": "qaManager", "name": "quality" }""");
        await Issue(Role.TeamLead, """{ "role": "teamLead", "name": "lead", "teamIds": ["sec-t1"] }""");
        await Issue(Role.Agent, """{ "role": "agent", "name": "agent one", "agentId": "sec-a1" }""");
        await Issue(Role.Executive, """{ "role": "executive", "name": "exec" }""");
        await Issue(Role.Integration, """{ "role": "integration", "name": "feed" }""");
        _tokens[Role.Admin] = AdminToken;
    }

    /// <summary>A client carrying the token of <paramref name="role"/>; null role: no Authorization header.</summary>
    public HttpClient As(Role? role) => Client(role is { } r ? _tokens[r] : null);

    public HttpClient Client(string? token)
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public static async Task<JsonDocument> Send(HttpClient http, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text.Length > 0 ? text : "null");
    }

    private async Task Issue(Role role, string body)
    {
        using var answer = await Send(Admin, HttpMethod.Post, "/api/auth/tokens", body);
        _tokens[role] = answer.RootElement.GetProperty("token").GetString()!;
        TokenIds[role] = answer.RootElement.GetProperty("id").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
