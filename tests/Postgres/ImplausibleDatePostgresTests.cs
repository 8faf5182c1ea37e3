using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using QmInsights.Domain.Ingestion;
using QmInsights.Grains.Ingestion;
using QmInsights.Storage;
using QmInsights.Tests.Hardening;
using QmInsights.Tests.Storage;

namespace QmInsights.Tests.Postgres;

/// <summary>Finding 1 on PostgreSQL: a far-future contact whose team share went to qm_retired_tallies (day 'infinity')
/// when its agent was erased must neither break summaries after a restart nor survive the repair.</summary>
public sealed class ImplausibleDatePostgresTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static string Contact(string id, string agent, string startedAt) =>
        $$"""{"interactionId":"{{id}}","channel":"call","agentId":"{{agent}}","teamId":"pim-t","queue":"q","startedAt":"{{startedAt}}","handleSeconds":300}""";

    private static async Task<JsonDocument> Team(HttpClient http)
    {
        using var response = await http.GetAsync("/api/teams/pim-t/summary?period=month");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Summaries_answer_after_a_restart_and_the_repair_removes_far_dated_facts_and_retired_tallies()
    {
        var db = await server.CreateDatabase("implausible");
        var (app, http) = await DurableIngestTests.StartSilo(db);
        // Stored as an engine without the window would have: every day of the calendar accepted.
        var lax = new FactIngestor(app.Services.GetRequiredService<IGrainFactory>(), app.Services.GetRequiredService<IFactStore>(),
            window: new TimestampWindow(new DateOnly(1, 1, 1), DateOnly.MaxValue.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber));
        Assert.Equal(3, (await lax.Ingest(await ImplausibleDateTests.Parse(Contact("pim-ok", "pim-a1", "2026-03-02T09:00:00Z"),
            Contact("pim-9999", "pim-a2", "9999-12-31T23:00:00Z"), Contact("pim-1900", "pim-a1", "1900-01-01T00:00:00Z")))).Accepted);
        // Erasing the far-future contact's agent keeps the team's share of it as a retired tally dated 9999-12-31.
        (await http.DeleteAsync("/api/agents/pim-a2/personal-data")).EnsureSuccessStatusCode();
        await DurableIngestTests.Stop(app, http);

        (app, http) = await DurableIngestTests.StartSilo(db);
        using (var before = await Team(http)) Assert.Equal(3, before.RootElement.GetProperty("interactions").GetInt32());
        using (var repair = await http.PostAsync("/api/admin/repair/implausible-dates", null)) Assert.Equal(HttpStatusCode.OK, repair.StatusCode);
        await using (var connection = new NpgsqlConnection(db))
        {
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM qm_retired_tallies WHERE day > '2100-01-01' OR day < '1990-01-01'", connection);
            Assert.Equal(0L, Convert.ToInt64(await count.ExecuteScalarAsync()));
        }
        using (var after = await Team(http)) Assert.Equal(1, after.RootElement.GetProperty("interactions").GetInt32());
        await DurableIngestTests.Stop(app, http);

        (app, http) = await DurableIngestTests.StartSilo(db);
        using (var restarted = await Team(http))
        {
            Assert.Equal(1, restarted.RootElement.GetProperty("interactions").GetInt32());
            Assert.Equal(["2026-03"], restarted.RootElement.GetProperty("trend").EnumerateArray().Select(t => t.GetProperty("period").GetString()));
        }
        await DurableIngestTests.Stop(app, http);
    }
}
