using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using QmInsights.Domain.Access;
using QmInsights.Silo.Audit;
using QmInsights.Silo.Hosting;
using QmInsights.Storage.Postgres;

namespace QmInsights.Tests.Postgres;

public sealed class AuditTrailTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static AuditEntry Entry(int minute, string actor, params string[] agents) =>
        new(T0.AddMinutes(minute), actor, "teamLead", "tok-" + actor, "10.0.0.7", "read agent summary", "GET",
            $"/api/agents/{agents.FirstOrDefault()}/summary", [.. agents], 200, minute % 2 == 0 ? null : "detail");

    private async Task<NpgsqlDataSource> Database(string name)
    {
        var connectionString = await server.CreateDatabase(name);
        await DatabaseSchema.ApplyAsync(connectionString);
        return NpgsqlDataSource.Create(connectionString);
    }

    [Fact]
    public async Task Entries_recorded_off_the_request_path_are_all_written_by_shutdown_and_queryable_by_agent_actor_and_time()
    {
        await using var db = await Database("audit_written");
        var store = new PostgresAuditStore(db);
        var trail = new AuditTrail(store, NullLogger<AuditTrail>.Instance);
        await trail.StartAsync(CancellationToken.None);
        // More than one batch, recorded from several threads at once as requests would.
        await Parallel.ForAsync(0, 1200, async (i, _) => await trail.Record(Entry(i, i % 3 == 0 ? "lead-a" : "lead-b", $"agent-{i % 7}", "agent-x")));
        await trail.StopAsync(CancellationToken.None);

        await using (var count = db.CreateCommand("SELECT count(*) FROM qm_audit"))
            Assert.Equal(1200L, (long)(await count.ExecuteScalarAsync())!);

        var ofAgent = await store.Query(new AuditQuery("agent-3", null, null, null, AuditQuery.MaxLimit), CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 1200).Count(i => i % 7 == 3), ofAgent.Count);
        Assert.All(ofAgent, e => Assert.Contains("agent-3", e.AgentIds));
        Assert.True(ofAgent.Zip(ofAgent.Skip(1)).All(p => p.First.At >= p.Second.At), "newest first");

        var window = await store.Query(new AuditQuery(null, "lead-a", T0.AddMinutes(30), T0.AddMinutes(60), 100), CancellationToken.None);
        Assert.Equal([57, 54, 51, 48, 45, 42, 39, 36, 33, 30], window.Select(e => (int)(e.At - T0).TotalMinutes));
        var sample = window[1];
        Assert.Equal(Entry(54, "lead-a", "agent-5", "agent-x") with { AgentIds = sample.AgentIds }, sample);
        Assert.Equal(["agent-5", "agent-x"], sample.AgentIds);
        Assert.Equal(3, (await store.Query(new AuditQuery(null, null, null, null, 3), CancellationToken.None)).Count);
    }

    [Theory]
    [InlineData("UPDATE qm_audit SET actor = 'someone else'")]
    [InlineData("DELETE FROM qm_audit")]
    [InlineData("TRUNCATE qm_audit")]
    public async Task The_table_is_append_only(string sql)
    {
        await using var db = await Database("audit_" + sql.Split(' ')[0].ToLowerInvariant());
        await new PostgresAuditStore(db).Append([Entry(1, "lead-a", "agent-1")], CancellationToken.None);
        await using var command = db.CreateCommand(sql);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Contains("append-only", error.MessageText);
        await using var count = db.CreateCommand("SELECT count(*) FROM qm_audit WHERE actor = 'lead-a'");
        Assert.Equal(1L, (long)(await count.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Issued_tokens_and_the_audit_trail_survive_a_restart_of_the_cluster()
    {
        var connectionString = await server.CreateDatabase("audit_restart");
        string[] args = ["--Storage:Provider=Postgres", $"--ConnectionStrings:Postgres={connectionString}", "--Auth:AdminToken=pg-admin"];

        var app = QmHost.Build([.. FreePorts.LocalHostArgs(), .. args]);
        await app.StartAsync();
        string secret;
        using (var admin = Client(app, "pg-admin"))
        {
            using var issued = await admin.PostAsync("/api/auth/tokens",
                new StringContent("""{ "role": "agent", "name": "pg agent", "agentId": "pg-a1" }""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
            secret = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        }
        using (var agent = Client(app, secret)) (await agent.GetAsync("/api/agents/pg-a1/summary")).EnsureSuccessStatusCode();
        await Stop(app);

        app = QmHost.Build([.. FreePorts.LocalHostArgs(), .. args]);
        await app.StartAsync();
        using (var agent = Client(app, secret))
        {
            using var me = JsonDocument.Parse(await agent.GetStringAsync("/api/auth/me"));
            Assert.Equal("pg-a1", me.RootElement.GetProperty("agentId").GetString());
        }
        using (var admin = Client(app, "pg-admin"))
        {
            using var trail = JsonDocument.Parse(await admin.GetStringAsync("/api/audit?agentId=pg-a1"));
            Assert.Equal(["read agent summary", "issue token"], trail.RootElement.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        }
        await Stop(app);
    }

    private static HttpClient Client(WebApplication app, string token) => new()
    {
        BaseAddress = new Uri(app.Urls.First()),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
    };

    private static async Task Stop(WebApplication app)
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
