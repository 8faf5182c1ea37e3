using Npgsql;

namespace QmInsights.Storage.Postgres;

/// <summary>Brings PostgreSQL's planner statistics of the fact tables up to date at start-up when autovacuum has not yet:
/// a silo restarted right after a large import otherwise plans the rebuild's sums (<see cref="TallySums"/>) on the
/// statistics of a much smaller table. Measured at 6.5M records: the teams' sums took 8.6 s on such statistics and
/// 4.7 s after an ANALYZE of 0.7 s.</summary>
public static class PlannerStatistics
{
    /// <summary>The fact tables whose statistics the rebuild's plans depend on.</summary>
    public static readonly IReadOnlyList<string> FactTables = ["qm_interactions", "qm_surveys", "qm_evaluations"];

    /// <summary>Analyses every fact table with more rows changed since its last analysis than autovacuum's default
    /// trigger (50 rows plus a tenth of the table) and returns their names; tables autovacuum has kept up with are left alone.</summary>
    public static async Task<List<string>> Freshen(string connectionString, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var stale = new List<string>();
        await using (var query = new NpgsqlCommand("""
            SELECT relname FROM pg_stat_user_tables
            WHERE schemaname = current_schema() AND relname = ANY(@tables) AND n_mod_since_analyze > 50 + 0.1 * n_live_tup
            ORDER BY relname
            """, connection))
        {
            query.Parameters.AddWithValue("tables", FactTables.ToArray());
            await using var reader = await query.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) stale.Add(reader.GetString(0));
        }
        foreach (var table in stale)
        {
            // The names come from FactTables above, never from input.
            await using var analyse = new NpgsqlCommand($"ANALYZE {table}", connection);
            await analyse.ExecuteNonQueryAsync(ct);
        }
        return stale;
    }
}
