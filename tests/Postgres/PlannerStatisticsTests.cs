using Npgsql;
using QmInsights.Storage.Postgres;

namespace QmInsights.Tests.Postgres;

/// <summary>A silo starting right after a large import analyses the fact tables autovacuum has not caught up with, and
/// leaves the others alone.</summary>
public sealed class PlannerStatisticsTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Only_a_fact_table_with_many_rows_changed_since_its_last_analysis_is_analysed_and_only_once()
    {
        var connectionString = await server.CreateDatabase("statistics");
        await DatabaseSchema.ApplyAsync(connectionString);
        await using var db = NpgsqlDataSource.Create(connectionString);
        // Autovacuum off for these tables, so only the start-up analysis can make the statistics fresh.
        foreach (var table in PlannerStatistics.FactTables) await Execute(db, $"ALTER TABLE {table} SET (autovacuum_enabled = false)");
        Assert.Empty(await PlannerStatistics.Freshen(connectionString));

        await Execute(db, """
            INSERT INTO qm_surveys (interaction_id, shard, batch_id, answered_at, csat, nps)
            SELECT 'c' || n, n % 16, 1, timestamptz '2026-03-01' + n * interval '1 minute', 1 + n % 5, n % 11
            FROM generate_series(1, 2000) n;
            SELECT pg_stat_force_next_flush();
            """);
        await Until(db, "SELECT n_mod_since_analyze >= 2000 FROM pg_stat_user_tables WHERE relname = 'qm_surveys'");
        Assert.Equal(["qm_surveys"], await PlannerStatistics.Freshen(connectionString));

        await Until(db, "SELECT n_mod_since_analyze = 0 FROM pg_stat_user_tables WHERE relname = 'qm_surveys'");
        Assert.Empty(await PlannerStatistics.Freshen(connectionString));
        // A few rows more are within autovacuum's own trigger: nothing to do at start.
        await Execute(db, "INSERT INTO qm_surveys VALUES ('late', 1, 2, timestamptz '2026-04-01', 5, 10); SELECT pg_stat_force_next_flush();");
        await Until(db, "SELECT n_mod_since_analyze = 1 FROM pg_stat_user_tables WHERE relname = 'qm_surveys'");
        Assert.Empty(await PlannerStatistics.Freshen(connectionString));
    }

    private static async Task Execute(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    // PostgreSQL's activity statistics are reported after the statement, not with it: wait until they say so.
    private static async Task Until(NpgsqlDataSource db, string condition)
    {
        for (var tries = 0; tries < 100; tries++)
        {
            await using var command = db.CreateCommand(condition);
            if (await command.ExecuteScalarAsync() is true) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"still false after 10 s: {condition}");
    }
}
