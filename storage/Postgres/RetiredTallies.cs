using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Facts;

namespace QmInsights.Storage.Postgres;

/// <summary>Reads and writes <c>qm_retired_tallies</c>: the aggregate contribution of facts that retention or erasure
/// deleted. Tallies are stored as JSON of their additive fields (doubles round-trip exactly), one row per bucket.</summary>
internal static class RetiredTallies
{
    public const short Agent = 0;
    public const short Team = 1;
    public const short Scorecard = 2;

    private static readonly JsonSerializerOptions Json = new() { IncludeFields = true };

    public static async Task Write(NpgsqlConnection connection, AggregateChanges kept)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY qm_retired_tallies (target_kind, target_id, day, channel, version, item_id, tally) FROM STDIN (FORMAT BINARY)");
        foreach (var (kind, maps) in new[] { (Agent, kept.Agents), (Team, kept.Teams) })
            foreach (var (id, map) in maps)
                foreach (var (bucket, tally) in map.Buckets)
                    await Row(copy, kind, id, bucket.Day, (short?)bucket.Channel, null, null, JsonSerializer.Serialize(tally, Json));
        foreach (var (id, map) in kept.Scorecards)
            foreach (var (bucket, tally) in map.Buckets)
                await Row(copy, Scorecard, id, bucket.Day, null, bucket.Version, bucket.ItemId, JsonSerializer.Serialize(tally, Json));
        await copy.CompleteAsync();
    }

    /// <summary>Every retired tally of one aggregate, summed by bucket, in an <see cref="AggregateChanges"/>.</summary>
    public static async Task<AggregateChanges> Read(NpgsqlConnection connection, short kind, string id)
    {
        var changes = new AggregateChanges();
        await using var command = new NpgsqlCommand(
            "SELECT day, channel, version, item_id, tally::text FROM qm_retired_tallies WHERE target_kind = $1 AND target_id = $2", connection);
        command.Parameters.Add(new() { Value = kind });
        command.Parameters.Add(new() { Value = id });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var day = reader.GetFieldValue<DateOnly>(0);
            var json = reader.GetString(4);
            if (kind == Scorecard)
            {
                changes.AddItem(id, new ItemBucket(reader.GetInt32(2), reader.GetString(3), day), JsonSerializer.Deserialize<ItemTally>(json, Json)!, 1);
                continue;
            }
            var bucket = new TallyBucket(day, reader.IsDBNull(1) ? null : (Channel)reader.GetInt16(1));
            var tally = JsonSerializer.Deserialize<QualityTally>(json, Json)!;
            if (kind == Agent) changes.AddAgent(id, bucket, tally, 1);
            else changes.AddTeam(id, bucket, tally, 1);
        }
        return changes;
    }

    private static async Task Row(NpgsqlBinaryImporter copy, short kind, string id, DateOnly day, short? channel, int? version,
        string? itemId, string tally)
    {
        await copy.StartRowAsync();
        await copy.WriteAsync(kind, NpgsqlDbType.Smallint);
        await copy.WriteAsync(id, NpgsqlDbType.Text);
        await copy.WriteAsync(day, NpgsqlDbType.Date);
        await copy.WriteNullable(channel, NpgsqlDbType.Smallint);
        await copy.WriteNullable(version, NpgsqlDbType.Integer);
        await copy.WriteNullable(itemId, NpgsqlDbType.Text);
        await copy.WriteAsync(tally, NpgsqlDbType.Jsonb);
    }
}
