using System.Collections.Immutable;
using Npgsql;
using NpgsqlTypes;
using QmInsights.Domain.Access;
using QmInsights.Storage.Postgres;

namespace QmInsights.Silo.Audit;

/// <summary>The audit trail in <c>qm_audit</c> (Storage/Sql/50-qminsights-audit.sql), whose triggers refuse UPDATE,
/// DELETE and TRUNCATE. Batches go in by binary COPY; every silo of a cluster writes to and reads from the same table.</summary>
public sealed class PostgresAuditStore(NpgsqlDataSource dataSource) : IAuditStore
{
    public async Task Append(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY qm_audit (at, actor, role, token_id, remote_ip, action, method, path, agent_ids, status, detail) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var e in entries)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(e.At.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
            await writer.WriteAsync(e.Actor, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(e.Role, NpgsqlDbType.Text, ct);
            await writer.WriteNullable(e.TokenId, NpgsqlDbType.Text, ct);
            await writer.WriteNullable(e.RemoteIp, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(e.Action, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(e.Method, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(e.Path, NpgsqlDbType.Text, ct);
            await writer.WriteAsync(e.AgentIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await writer.WriteAsync(e.Status, NpgsqlDbType.Integer, ct);
            await writer.WriteNullable(e.Detail, NpgsqlDbType.Text, ct);
        }
        await writer.CompleteAsync(ct);
    }

    public async Task<List<AuditEntry>> Query(AuditQuery query, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT at, actor, role, token_id, remote_ip, action, method, path, agent_ids, status, detail FROM qm_audit
            WHERE ($1::text IS NULL OR $1 = ANY (agent_ids)) AND ($2::text IS NULL OR actor = $2)
              AND ($3::timestamptz IS NULL OR at >= $3) AND ($4::timestamptz IS NULL OR at < $4)
            ORDER BY at DESC, seq DESC LIMIT $5
            """);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)query.AgentId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)query.Actor ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)query.From?.UtcDateTime ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)query.To?.UtcDateTime ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = query.Limit });
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            entries.Add(new AuditEntry(new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero), reader.GetString(1), reader.GetString(2),
                Text(3), Text(4), reader.GetString(5), reader.GetString(6), reader.GetString(7),
                reader.GetFieldValue<string[]>(8).ToImmutableArray(), reader.GetInt32(9), Text(10)));
        }
        return entries;
    }
}
