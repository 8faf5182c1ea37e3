using System.Text;
using Microsoft.AspNetCore.Builder;
using QmInsights.Silo.Hosting;
using QmInsights.Tests.Api;

namespace QmInsights.Tests.Postgres;

public sealed class PackArchiveTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task A_pack_archived_in_PostgreSQL_is_served_unchanged_by_a_restarted_silo_until_refreshed()
    {
        var connectionString = await server.CreateDatabase("packs");
        byte[] first;
        await using (var app = await Start(connectionString))
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            await Send(http, HttpMethod.Put, "/api/scorecards/pk-card", """
                { "name": "Pk", "targetPercent": 80, "sections": [ { "id": "s", "name": "S", "items": [
                  { "id": "greet", "text": "Greets", "points": 1 }, { "id": "close", "text": "Closes", "points": 1 } ] } ] }
                """);
            await Send(http, HttpMethod.Put, "/api/agents/pk-agent", """{ "teamId": "pk-team", "hiredAt": "2024-01-10T08:00:00Z" }""");
            await Send(http, HttpMethod.Post, "/api/interactions",
                """{"interactionId":"pk-i1","channel":"call","agentId":"pk-agent","teamId":"pk-team","queue":"q","startedAt":"2025-10-14T09:00:00Z","handleSeconds":300}""",
                "application/x-ndjson");
            await Send(http, HttpMethod.Post, "/api/evaluations",
                """{"evaluationId":"pk-e1","interactionId":"pk-i1","agentId":"pk-agent","evaluatorId":"qa","scorecardId":"pk-card","kind":"regular","evaluatedAt":"2025-10-15T10:00:00Z","answers":{"greet":"yes","close":"no"}}""",
                "application/x-ndjson");
            first = await http.GetByteArrayAsync("/api/reports/monthly/2025-10");
            await app.StopAsync();
        }

        await using (var app = await Start(connectionString))
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            Assert.Equal(first, await http.GetByteArrayAsync("/api/reports/monthly/2025-10"));
            // Re-rendered: a new document (its creation time is in the PDF), which then replaces the archived one.
            await Task.Delay(1100);
            var refreshed = await http.GetByteArrayAsync("/api/reports/monthly/2025-10?refresh=true");
            Assert.NotEqual(first, refreshed);
            Assert.Equal(refreshed, await http.GetByteArrayAsync("/api/reports/monthly/2025-10"));
            Assert.Contains("Executive summary", string.Join("\n", Reports.Pdf.Pages(refreshed)));
            await app.StopAsync();
        }
    }

    private static async Task<WebApplication> Start(string connectionString)
    {
        var app = QmHost.Build([.. FreePorts.LocalHostArgs(), "--Storage:Provider=Postgres", $"--ConnectionStrings:Postgres={connectionString}"]);
        await app.StartAsync();
        return app;
    }

    private static async Task Send(HttpClient http, HttpMethod method, string path, string body, string type = "application/json")
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, type) };
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
