using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using QmInsights.Domain.Retention;
using QmInsights.Domain.Scorecards;
using QmInsights.Silo.Hosting;
using QmInsights.Tests.Aggregates;
using QmInsights.Tests.Api;
using QmInsights.Tests.Retention;
using QmInsights.Tests.Storage;

namespace QmInsights.Tests.Postgres;

/// <summary>Retention and erasure on the real PostgreSQL server: the derived state is rebuilt from the fact tables at
/// every activation, so what deleted facts contributed must survive a restart through qm_retired_tallies.</summary>
public sealed class RetentionPostgresTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static readonly DateTimeOffset T1 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T2 = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private const string Prefix = "p-";
    private const string Erased = "p-a3";

    private static async Task<(WebApplication App, HttpClient Http)> Start(string connectionString, TimeProvider clock)
    {
        var app = QmHost.Build([.. FreePorts.LocalHostArgs(), "--Storage:Provider=Postgres", $"--ConnectionStrings:Postgres={connectionString}",
            "--Retention:RawFactMonths=1"], b => b.Services.AddKeyedSingleton(RetentionOptions.ClockKey, clock));
        await app.StartAsync();
        return (app, new HttpClient { BaseAddress = new Uri(app.Urls.First()) });
    }

    private static Task Stop(WebApplication app, HttpClient http) => DurableIngestTests.Stop(app, http);

    private static async Task<long> Count(string connectionString, string sql, object? parameter = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (parameter is not null) command.Parameters.Add(new() { Value = parameter });
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task After_retention_and_erasure_restarted_silos_serve_the_same_team_and_centre_figures_without_the_raw_rows()
    {
        var db = await server.CreateDatabase("retention");
        var clock = new SettableClock(T1);
        var facts = new RandomFacts(seed: 17, interactions: 1000, Prefix);
        var (app, http) = await Start(db, clock);
        await Recomputation.PutScorecard(http, new ScorecardVersion("sc", 1, RandomFacts.Start.AddYears(-1), facts.Scorecard));
        var all = facts.Interactions.Cast<object>().Concat(facts.Surveys).Concat(facts.Evaluations).ToList();
        foreach (var chunk in all.Chunk(500)) Assert.Empty((await FactPoster.Post(http, chunk)).Rejected);
        using (var put = await http.PutAsync($"/api/agents/{Erased}", new StringContent(
                   """{"teamId":"p-t3","hiredAt":"2025-06-01T00:00:00Z","displayName":"Kari Nordmann"}""", Encoding.UTF8, "application/json")))
            put.EnsureSuccessStatusCode();
        var before = await Snapshot.Take(http, Prefix);
        // The daily run is an Orleans reminder, registered once the silo runs.
        for (var tries = 0; await Count(db, "SELECT count(*) FROM orleansreminderstable WHERE remindername = 'daily-retention'") == 0; tries++)
        {
            Assert.True(tries < 50, "the daily retention reminder was not registered");
            await Task.Delay(200);
        }

        // Retention, five weeks of facts older than the 1-month horizon.
        clock.Now = T2;
        using (var run = await http.PostAsync("/api/admin/retention/run", null)) Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var retired = Snapshot.RetiredBy(facts, new DateOnly(2026, 2, 10)).ToArray();
        Assert.InRange(retired.Length, 200, 800);
        Assert.Equal(0, await Count(db, "SELECT count(*) FROM qm_interactions WHERE interaction_id = ANY($1)", retired));
        Assert.Equal(0, await Count(db, "SELECT count(*) FROM qm_surveys WHERE interaction_id = ANY($1)", retired));
        Assert.Equal(0, await Count(db, "SELECT count(*) FROM qm_evaluations WHERE interaction_id = ANY($1)", retired));
        Assert.Equal(facts.Interactions.Count - retired.Length, await Count(db, "SELECT count(*) FROM qm_interactions"));
        Assert.True(await Count(db, "SELECT count(*) FROM qm_retired_tallies") > 0);
        await Stop(app, http);

        // A new cluster rebuilds every agent, team and scorecard from the remaining facts plus the retired tallies.
        (app, http) = await Start(db, clock);
        Snapshot.AssertSame(before, await Snapshot.Take(http, Prefix));

        // Erasure of one agent.
        Assert.True(await Count(db, "SELECT count(*) FROM orleansstorage WHERE position(convert_to('Kari Nordmann', 'UTF8') in payloadbinary) > 0") > 0);
        using (var erase = await http.DeleteAsync($"/api/agents/{Erased}/personal-data")) Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        await AssertErased(db, http, before);
        await Stop(app, http);

        (app, http) = await Start(db, clock);
        await AssertErased(db, http, before);
        using var resend = await http.PostAsync("/api/interactions", new StringContent(
            """{"interactionId":"p-again","channel":"chat","agentId":"p-a3","teamId":"p-t3","queue":"q","startedAt":"2026-03-01T10:00:00Z","handleSeconds":60}""",
            Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.UnprocessableContent, resend.StatusCode);
        Assert.Contains($"agentId: the personal data of agent '{Erased}' was erased on 2026-03-10", await resend.Content.ReadAsStringAsync());
        await Stop(app, http);
    }

    private static async Task AssertErased(string db, HttpClient http, Dictionary<string, System.Text.Json.JsonElement> before)
    {
        Snapshot.AssertSame(before, await Snapshot.Take(http, Prefix), path => !path.Contains(Erased));
        using (var summary = await http.GetAsync($"/api/agents/{Erased}/summary")) Assert.Equal(HttpStatusCode.NotFound, summary.StatusCode);
        using (var roster = await http.GetAsync($"/api/agents/{Erased}")) Assert.Equal(HttpStatusCode.NotFound, roster.StatusCode);
        Assert.Equal(0, await Count(db, "SELECT count(*) FROM qm_interactions WHERE agent_id = $1", Erased));
        Assert.Equal(0, await Count(db, "SELECT count(*) FROM qm_evaluations WHERE agent_id = $1", Erased));
        Assert.Equal(0, await Count(db, "SELECT count(*) FROM qm_retired_tallies WHERE target_kind = 0 AND target_id = $1", Erased));
        Assert.Equal(0, await Count(db, "SELECT count(*) FROM qm_batches WHERE $1 = ANY(agents)", Erased));
        Assert.Equal(0, await Count(db, "SELECT count(*) FROM orleansstorage WHERE position(convert_to('Kari Nordmann', 'UTF8') in payloadbinary) > 0"));
    }
}
