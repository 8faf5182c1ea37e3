using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace QmInsights.Storage.Azure;

/// <summary>The batch table, one partition with three kinds of rows: <c>b{batch}</c> for every shard commit ever made
/// (the index of the fact log, read by batch id range so a silo finds new commits without listing the container);
/// <c>p{batch}</c> for a commit whose aggregate changes are not yet confirmed (the outbox, naming the aggregates it
/// changes); <c>c{id}</c> for every retention, erasure or re-scoring that rewrote the log. A commit's two rows go in
/// one entity-group transaction, before its blob, and the outbox row is deleted once the aggregates hold the changes,
/// so whatever is left after the grace period belongs to a silo that died in between.</summary>
internal sealed class AzureOutbox(TableClient table)
{
    // One partition: a commit's rows must share it to be written in one transaction, and every query is a key range.
    private const string Partition = "batches";

    public TableClient Table => table;

    public Task Add(long batchId, int shard, ShardCommit commit) => table.SubmitTransactionAsync(
    [
        new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(Partition, Key('b', batchId)) { ["Shard"] = shard }),
        new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(Partition, Key('p', batchId))
        {
            ["Shard"] = shard,
            ["Agents"] = JsonSerializer.Serialize(commit.Agents),
            ["Teams"] = JsonSerializer.Serialize(commit.Teams),
            ["Scorecards"] = JsonSerializer.Serialize(commit.Scorecards),
        }),
    ]);

    public async Task Remove(IReadOnlyCollection<long> batchIds)
    {
        foreach (var chunk in batchIds.Chunk(100))
        {
            try
            {
                await table.SubmitTransactionAsync(chunk.Select(id =>
                    new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, Key('p', id)), ETag.All)));
            }
            catch (TableTransactionFailedException)
            {
                // Some were removed already (recovery on another silo): remove the rest one by one.
                await Task.WhenAll(chunk.Select(async id =>
                {
                    try { await table.DeleteEntityAsync(Partition, Key('p', id), ETag.All); }
                    catch (RequestFailedException e) when (e.Status == 404) { }
                }));
            }
        }
    }

    public async Task<IReadOnlyList<PendingBatch>> Pending(TimeSpan olderThan)
    {
        var before = DateTimeOffset.UtcNow - olderThan;
        var pending = new List<PendingBatch>();
        await foreach (var entity in Range('p', 0))
            if (entity.Timestamp <= before)
                pending.Add(new PendingBatch(Id(entity), Ids(entity, "Agents"), Ids(entity, "Teams"), Ids(entity, "Scorecards")));
        return pending;
    }

    /// <summary>Takes an erased agent's id out of every batch still in flight.</summary>
    public async Task ForgetAgent(string agentId)
    {
        await foreach (var entity in Range('p', 0))
        {
            var agents = Ids(entity, "Agents");
            if (!agents.Contains(agentId)) continue;
            entity["Agents"] = JsonSerializer.Serialize(agents.Where(a => a != agentId));
            try { await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace); }
            catch (RequestFailedException e) when (e.Status is 404 or 412) { } // applied meanwhile: nothing left to edit
        }
    }

    /// <summary>Every commit with a batch id of at least <paramref name="from"/>: (batch id, shard).</summary>
    public async Task<List<(long BatchId, int Shard)>> CommitsFrom(long from)
    {
        var commits = new List<(long, int)>();
        await foreach (var entity in Range('b', from)) commits.Add((Id(entity), entity.GetInt32("Shard") ?? 0));
        return commits;
    }

    /// <summary>Records that the log was rewritten (facts retired, tallies forgotten, scores replaced): readers read it
    /// again from the container.</summary>
    public Task MarkRewritten(long id) => table.AddEntityAsync(new TableEntity(Partition, Key('c', id)));

    /// <summary>The newest rewrite marker after <paramref name="seen"/>, or <paramref name="seen"/> when there is none.</summary>
    public async Task<long> LastRewriteAfter(long seen)
    {
        var last = seen;
        await foreach (var entity in Range('c', seen + 1)) last = Math.Max(last, Id(entity));
        return last;
    }

    private AsyncPageable<TableEntity> Range(char kind, long from) => table.QueryAsync<TableEntity>(
        $"PartitionKey eq '{Partition}' and RowKey ge '{Key(kind, from)}' and RowKey lt '{(char)(kind + 1)}'");

    private static string Key(char kind, long id) => kind + id.ToString("D19", CultureInfo.InvariantCulture);

    private static long Id(TableEntity entity) => long.Parse(entity.RowKey.AsSpan(1), CultureInfo.InvariantCulture);

    private static List<string> Ids(TableEntity entity, string property) =>
        JsonSerializer.Deserialize<List<string>>(entity.GetString(property)) ?? [];
}
