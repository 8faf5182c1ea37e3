using Npgsql;
using NpgsqlTypes;

namespace QmInsights.Storage.Postgres;

/// <summary>Binary COPY of optional values: the value, or SQL NULL.</summary>
public static class BinaryImporterNulls
{
    public static Task WriteNullable<T>(this NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct = default)
        where T : struct =>
        value is { } v ? copy.WriteAsync(v, type, ct) : copy.WriteNullAsync(ct);

    public static Task WriteNullable(this NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken ct = default) =>
        value is not null ? copy.WriteAsync(value, type, ct) : copy.WriteNullAsync(ct);
}
