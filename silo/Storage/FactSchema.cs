using Npgsql;

namespace QmInsights.Silo.Storage;

/// <summary>Applies the project's own fact tables (Sql/qminsights-facts.sql) at start-up. The script is idempotent and
/// runs under an advisory lock, so silos starting together do not race.</summary>
public static class FactSchema
{
    // An arbitrary constant that names this lock among the database's advisory locks.
    private const long LockKey = 0x716d_6661_6374;

    public static async Task ApplyAsync(NpgsqlDataSource db, CancellationToken cancellationToken = default)
    {
        await using var stream = typeof(FactSchema).Assembly.GetManifestResourceStream("QmInsights.Silo.Storage.Sql.qminsights-facts.sql")
                                 ?? throw new InvalidOperationException("The fact schema is not embedded in the silo assembly");
        using var text = new StreamReader(stream);
        var script = await text.ReadToEndAsync(cancellationToken);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({LockKey})", connection, transaction))
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(script, connection, transaction))
            await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
