using System.Reflection;
using Npgsql;

namespace QmInsights.Storage.Postgres;

/// <summary>Creates or updates our PostgreSQL schema (embedded Storage/Sql/*.sql): the tables and queries of the
/// Orleans ADO.NET clustering, persistence and reminder providers (invariant "Npgsql"; the packages ship none), and
/// the fact tables that are the system of record.</summary>
public static class DatabaseSchema
{
    private const string ResourcePrefix = "QmInsights.Storage.Postgres.Sql.";

    // Any fixed 64-bit key works; it only has to be the same for every silo sharing the database.
    private const long AdvisoryLockKey = 0x516D_4F726C_53514C; // "QmOrlSQL"

    /// <summary>Applies the schema idempotently in one transaction; concurrent callers (silos starting together)
    /// wait for each other on a transaction-scoped advisory lock instead of racing on the catalog.</summary>
    public static async Task ApplyAsync(string connectionString, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        // Taken inside the transaction and released by COMMIT/ROLLBACK: a crashed start-up never leaves it held.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", AdvisoryLockKey);
            await lockCommand.ExecuteNonQueryAsync(ct);
        }

        foreach (var script in Scripts())
        {
            // No parameters: the query texts' @Names are literal text stored in OrleansQuery, not bound here.
            await using var command = new NpgsqlCommand(script, connection, transaction);
            await command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>The embedded scripts in apply order (their names start with a number for that).</summary>
    internal static IEnumerable<string> Scripts()
    {
        var assembly = typeof(DatabaseSchema).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0) throw new InvalidOperationException("No embedded SQL scripts found");
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return reader.ReadToEnd();
        }
    }
}
