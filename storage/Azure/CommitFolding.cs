using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace QmInsights.Storage.Azure;

/// <summary>Folds each shard's commit blobs into its checkpoint (<see cref="ShardCheckpoint"/>) and then deletes them, so
/// a restart reads one checkpoint and a few commits per shard rather than every commit ever made. A fold starts in the
/// background once this silo has made <c>every</c> commits of a shard since its last one (the commits are durable
/// already, so nothing waits for it); one that fails or dies half-way leaves commits a later fold takes.</summary>
internal sealed class CommitFolding(BlobContainerClient container, int every, Action<int, Exception>? failed)
{
    private readonly Lock _lock = new();
    private readonly int[] _since = new int[Shards.Count];
    private readonly Task[] _running = Enumerable.Repeat(Task.CompletedTask, Shards.Count).ToArray();

    // The commit blobs this silo wrote and has not seen folded: their bytes, so a fold need not download them again.
    private readonly ConcurrentDictionary<string, (ETag ETag, BinaryData Bytes)> _written = new(StringComparer.Ordinal);

    /// <summary>Notes a commit blob this silo wrote, and starts a fold of its shard when one is due.</summary>
    public void Committed(int shard, string name, ETag etag, BinaryData bytes)
    {
        _written[name] = (FactLog.Normal(etag), bytes);
        lock (_lock)
        {
            if (++_since[shard] < every || !_running[shard].IsCompleted) return;
            _since[shard] = 0;
            _running[shard] = Task.Run(async () =>
            {
                try
                {
                    await Fold(shard);
                }
                catch (Exception e)
                {
                    failed?.Invoke(shard, e);
                }
            });
        }
    }

    /// <summary>Folds every commit blob of <paramref name="shard"/> into its checkpoint, then deletes the folded blobs.</summary>
    public async Task Fold(int shard)
    {
        var checkpoint = new ShardCheckpoint(container, shard);
        while (true)
        {
            var blocks = await checkpoint.ReadBlocks();
            var folded = blocks.Batches;
            var listed = new List<(string Name, ETag ETag)>();
            await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = FactLog.CommitPrefixOf(shard) }))
                listed.Add((item.Name, FactLog.Normal(item.Properties.ETag!.Value)));
            var fresh = listed.Where(c => !folded.Contains(FactLog.BatchOf(c.Name))).ToList();
            var bytes = await Task.WhenAll(fresh.Select(Bytes));
            var commits = fresh.Zip(bytes).Where(p => p.Second is not null)
                .Select(p => (Batch: FactLog.BatchOf(p.First.Name), Bytes: p.Second!)).OrderBy(c => c.Batch).ToList();
            // Someone changed the checkpoint since it was read (another fold, a retirement, a re-scoring): start again.
            if (commits.Count > 0 && !await checkpoint.Append(blocks, commits)) continue;
            // Folded, these (and any a fold that died left behind) are read from the checkpoint now: their blobs go.
            await Parallel.ForEachAsync(listed, new ParallelOptions { MaxDegreeOfParallelism = 16 },
                async (commit, ct) => await container.GetBlobClient(commit.Name).DeleteIfExistsAsync(cancellationToken: ct));
            foreach (var name in _written.Keys.Where(n => n.StartsWith(FactLog.CommitPrefixOf(shard), StringComparison.Ordinal)).ToList())
                if (listed.Any(c => c.Name == name) || folded.Contains(FactLog.BatchOf(name))) _written.TryRemove(name, out _);
            return;
        }
    }

    // The blob as this silo wrote it when nobody rewrote it since, else as it is now (null: deleted meanwhile).
    private async Task<BinaryData?> Bytes((string Name, ETag ETag) commit)
    {
        if (_written.TryGetValue(commit.Name, out var written) && written.ETag == commit.ETag) return written.Bytes;
        return (await container.GetBlobClient(commit.Name).DownloadOrNull())?.Content;
    }
}
