using Npgsql;
using QmInsights.Storage;

namespace QmInsights.Storage.Postgres;

/// <summary>Packs in <c>qm_report_packs</c> (Storage/Sql/50-qminsights-reports.sql).</summary>
public sealed class PostgresPackArchive(NpgsqlDataSource database) : IPackArchive
{
    public async Task<ArchivedPack?> Find(string month, string scope)
    {
        await using var command = database.CreateCommand("SELECT generated_at, pdf FROM qm_report_packs WHERE month = $1 AND scope = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = month });
        command.Parameters.Add(new NpgsqlParameter { Value = scope });
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        return new ArchivedPack(month, scope, reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<byte[]>(1));
    }

    public async Task Save(ArchivedPack pack)
    {
        await using var command = database.CreateCommand(
            "INSERT INTO qm_report_packs (month, scope, generated_at, pdf) VALUES ($1, $2, $3, $4) " +
            "ON CONFLICT (month, scope) DO UPDATE SET generated_at = excluded.generated_at, pdf = excluded.pdf");
        command.Parameters.Add(new NpgsqlParameter { Value = pack.Month });
        command.Parameters.Add(new NpgsqlParameter { Value = pack.Scope });
        command.Parameters.Add(new NpgsqlParameter { Value = pack.GeneratedAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter { Value = pack.Pdf });
        await command.ExecuteNonQueryAsync();
    }
}
