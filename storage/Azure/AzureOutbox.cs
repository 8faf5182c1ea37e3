using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace QmInsights.Storage.Azure;

/// <summary>The outbox table: one entity per shard commit whose aggregate changes are not yet confirmed, naming the
/// aggregates it changes. Written before the commit blob, deleted once the aggregates hold the changes, so whatever is
/// left after the grace period belongs to a silo that died in between.</summary>
internal sealed class AzureOutbox(TableClient table)
{
    // One partition: the table only ever holds batches in flight, and a query for them reads one partition.
    private const string Partition = "pending";

    public TableClient Table => table;

    public Task Add(long batchId, int shard, ShardCommit commit) => table.AddEntityAsync(new TableEntity(Partition, Key(batchId))
    {
        ["Shard"] = shard,
        ["Agents"] = JsonSerializer.Serialize(commit.Agents),
        ["Teams"] = JsonSerializer.Serialize(commit.Teams),
        ["Scorecards"] = JsonSerializer.Serialize(commit.Scorecards),
    });

    public async Task Remove(IReadOnlyCollection<long> batchIds)
    {
        foreach (var chunk in batchIds.Chunk(100))
        {
            try
            {
                await table.SubmitTransactionAsync(chunk.Select(id =>
                    new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, Key(id)), ETag.All)));
            }
            catch (TableTransactionFailedException)
            {
                // Some were removed already (recovery on another silo): remove the rest one by one.
                await Task.WhenAll(chunk.Select(async id =>
                {
                    try { await table.DeleteEntityAsync(Partition, Key(id), ETag.All); }
                    catch (RequestFailedException e) when (e.Status == 404) { }
                }));
            }
        }
    }

    public async Task<IReadOnlyList<PendingBatch>> Pending(TimeSpan olderThan)
    {
        var before = DateTimeOffset.UtcNow - olderThan;
        var pending = new List<PendingBatch>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition))
            if (entity.Timestamp <= before)
                pending.Add(new PendingBatch(long.Parse(entity.RowKey, System.Globalization.CultureInfo.InvariantCulture),
                    Ids(entity, "Agents"), Ids(entity, "Teams"), Ids(entity, "Scorecards")));
        return pending.OrderBy(p => p.BatchId).ToList();
    }

    /// <summary>Takes an erased agent's id out of every batch still in flight.</summary>
    public async Task ForgetAgent(string agentId)
    {
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition))
        {
            var agents = Ids(entity, "Agents");
            if (!agents.Contains(agentId)) continue;
            entity["Agents"] = JsonSerializer.Serialize(agents.Where(a => a != agentId));
            try { await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace); }
            catch (RequestFailedException e) when (e.Status is 404 or 412) { } // applied meanwhile: nothing left to edit
        }
    }

    private static string Key(long batchId) => batchId.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Ids(TableEntity entity, string property) =>
        JsonSerializer.Deserialize<List<string>>(entity.GetString(property)) ?? [];
}
