using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace QmInsights.Storage.Azure;

/// <summary>This silo's copy of the parts of the fact log its reads ask for: a shard is read when first asked for (its
/// checkpoint, then the commit blobs written since) and then kept in step through the batch table: a read asks it for
/// commits since the last catch-up (less a margin for clocks and writes in flight) and downloads only those of the
/// shards held. Retirement records are read whole, at the first read and after every rewrite marker (retention,
/// erasure, re-scoring), which also makes every shard be read again when next asked for; a shard no read has asked for
/// in a while is dropped from memory. A read waits for a catch-up that started after the read was asked for, so it
/// sees every commit acknowledged before it, by any silo.</summary>
internal sealed class FactLog : IDisposable
{
    private readonly BlobContainerClient _container;
    private readonly AzureOutbox _batches;
    // Drops idle shards even when no read comes to do it (a restarted silo reads every shard once for the teams).
    private readonly Timer _evictor;

    public FactLog(BlobContainerClient container, AzureOutbox batches)
    {
        _container = container;
        _batches = batches;
        _evictor = new Timer(_ => _ = EvictIdle(), null, Idle, Idle);
    }

    public const string CommitPrefix = "commits/";
    public const string RetirementPrefix = "retirements/";

    /// <summary>Every shard, for the reads that span them (an agent's, a team's, every evaluation).</summary>
    public static readonly IReadOnlyList<int> AllShards = Enumerable.Range(0, Shards.Count).ToArray();

    // Batch ids are milliseconds since 1970 shifted left 20 bits: two minutes of them.
    private const long Margin = 120_000L << 20;

    // A shard that no read asked for this long leaves memory (the shards another silo's grains own, after a restart read
    // them all for the teams and agents); asked for again, it is read from its checkpoint.
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(5);

    /// <summary>One shard as held: its view, the commits looked for in vain, when a read last asked for it.</summary>
    private sealed class ShardLog(ShardLogView view)
    {
        public ShardLogView View => view;
        public readonly HashSet<long> Absent = new();
        public long LastUsed;
    }

    private readonly ShardLog?[] _shards = new ShardLog?[Shards.Count];
    // Commits this silo wrote to shards it holds, since the last catch-up: added without downloading them again.
    private readonly ConcurrentQueue<CommitRecord> _written = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Retirements _retirements = Retirements.None;
    private long _lastSyncStarted = long.MinValue;
    private long _syncedAt;
    private long _lastRewrite = -1;
    private bool _loaded;

    /// <summary>The fact log's _container.</summary>
    public BlobContainerClient Container => _container;

    /// <summary>Runs <paramref name="read"/> on the views of <paramref name="shards"/> and the retirement records, holding
    /// every blob written before this call.</summary>
    public async Task<T> Read<T>(IReadOnlyCollection<int> shards, Func<IReadOnlyList<ShardLogView>, Retirements, T> read)
    {
        var asked = Stopwatch.GetTimestamp();
        await _gate.WaitAsync();
        try
        {
            // A catch-up that began after this call was made already covers it (concurrent loads share one).
            if (_lastSyncStarted <= asked)
            {
                _lastSyncStarted = Stopwatch.GetTimestamp();
                var started = Clock();
                var rewrite = await _batches.LastRewriteAfter(_lastRewrite);
                // The first read lists the retirements (it alone finds one whose marker was never written).
                if (rewrite != _lastRewrite || !_loaded)
                {
                    _retirements = await ReadRetirements();
                    Array.Clear(_shards);
                    _written.Clear();
                    _lastRewrite = rewrite;
                    _loaded = true;
                }
                else
                {
                    await CatchUp();
                }
                _syncedAt = started;
            }
            var now = Stopwatch.GetTimestamp();
            foreach (var log in await Task.WhenAll(shards.Where(s => _shards[s] is null).Select(ReadShard))) _shards[log.View.Shard] = log;
            foreach (var shard in shards) _shards[shard]!.LastUsed = now;
            Evict(now);
            return read(shards.Select(s => _shards[s]!.View).ToList(), _retirements);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task EvictIdle()
    {
        await _gate.WaitAsync();
        try
        {
            Evict(Stopwatch.GetTimestamp());
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Evict(long now)
    {
        for (var s = 0; s < _shards.Length; s++)
            if (_shards[s] is { } held && Stopwatch.GetElapsedTime(held.LastUsed, now) > Idle) _shards[s] = null;
    }

    public void Dispose() => _evictor.Dispose();

    /// <summary>Notes a commit this silo has written (it is durable), so a catch-up need not download it.</summary>
    public void Written(CommitRecord commit)
    {
        if (_shards[commit.Shard] is not null) _written.Enqueue(commit);
    }

    /// <summary>New commits of the shards held, since the last catch-up, through the batch table.</summary>
    private async Task CatchUp()
    {
        while (_written.TryDequeue(out var own))
            if (_shards[own.Shard] is { } held && !held.View.Known.Contains(own.BatchId)) held.View.Add(own, folded: false);
        if (_shards.All(s => s is null)) return;
        var commits = (await _batches.CommitsFrom(Math.Max(0, _syncedAt - Margin)))
            .Where(c => _shards[c.Shard] is { } log && !log.View.Known.Contains(c.BatchId) && !log.Absent.Contains(c.BatchId))
            .ToList();
        var fetched = await Download(commits.Select(c => CommitName(c.Shard, c.BatchId)).ToList());
        foreach (var commit in fetched.OfType<CommitRecord>()) _shards[commit.Shard]!.View.Add(commit, folded: false);
        // No blob: folded into the checkpoint since the shard was read (then its block is read), or its silo died between
        // the batch row and the blob (then it never will be), or it is being written (then it is not acknowledged yet):
        // looked for again while within the margin.
        foreach (var missed in commits.Where((_, i) => fetched[i] is null).GroupBy(c => c.Shard))
        {
            var log = _shards[missed.Key]!;
            foreach (var commit in await new ShardCheckpoint(_container, missed.Key).ReadFolded(missed.Select(c => c.BatchId).ToHashSet()))
                log.View.Add(commit, folded: true);
            foreach (var (batch, _) in missed)
                if (!log.View.Known.Contains(batch) && batch < Clock() - Margin) log.Absent.Add(batch);
        }
    }

    /// <summary>One shard: its checkpoint and the commit blobs not folded in it.</summary>
    private async Task<ShardLog> ReadShard(int shard)
    {
        var checkpoint = new ShardCheckpoint(_container, shard);
        while (true)
        {
            // Listed before the checkpoint is read, so a commit folded (and deleted) in between is in the checkpoint.
            var listed = new List<long>();
            await foreach (var item in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = CommitPrefixOf(shard) })) listed.Add(BatchOf(item.Name));
            var (blocks, folded) = await checkpoint.Read();
            var inCheckpoint = blocks.Batches;
            var fetched = await Download(listed.Where(b => !inCheckpoint.Contains(b)).Select(b => CommitName(shard, b)).ToList());
            // A listed commit gone: folded after the checkpoint was read, or emptied by a retirement. Read both again.
            if (fetched.Any(f => f is null)) continue;
            var view = new ShardLogView(shard, _retirements.RemovedFrom(shard));
            foreach (var commit in folded) view.Add(commit, folded: true);
            foreach (var commit in fetched) view.Add(commit!, folded: false);
            return new ShardLog(view);
        }
    }

    /// <summary>Every retirement record, downloading only those new or changed since last read.</summary>
    private async Task<Retirements> ReadRetirements()
    {
        var records = new Dictionary<string, (ETag ETag, RetirementRecord Record)>(StringComparer.Ordinal);
        var changed = new List<string>();
        await foreach (var item in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = RetirementPrefix }))
        {
            if (_retirements.Records.TryGetValue(item.Name, out var known) && known.ETag == Normal(item.Properties.ETag!.Value)) records[item.Name] = known;
            else changed.Add(item.Name);
        }
        await Parallel.ForEachAsync(changed, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (name, ct) =>
        {
            // Null: deleted since the listing.
            if (await _container.GetBlobClient(name).DownloadOrNull(ct) is not { } content) return;
            var record = BlobJson.Read<RetirementRecord>(content.Content);
            lock (records) records[name] = (Normal(content.Details.ETag), record);
        });
        return new Retirements(records);
    }

    /// <summary>The commit records of these blobs, null where the blob does not exist.</summary>
    private async Task<CommitRecord?[]> Download(List<string> names)
    {
        var fetched = new CommitRecord?[names.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, names.Count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            fetched[i] = await _container.GetBlobClient(names[i]).DownloadOrNull(ct) is { } content
                ? BlobJson.Read<CommitRecord>(content.Content)
                : null);
        return fetched;
    }

    /// <summary>Applies <paramref name="change"/> to the commits of one shard: to the blobs of <paramref name="unfolded"/>
    /// (a commit left empty is deleted; one folded meanwhile is gone, which is fine) and then to every commit folded in
    /// the checkpoint, which also makes a fold in flight start again and see the blobs as changed.</summary>
    public async Task RewriteCommits(int shard, IEnumerable<long> unfolded, Func<CommitRecord, CommitRecord> change)
    {
        await Task.WhenAll(unfolded.Select(batch => Rewrite<CommitRecord>(CommitName(shard, batch),
            commit => change(commit) is { IsEmpty: false } rest ? rest : null)));
        await new ShardCheckpoint(_container, shard).Rewrite(change);
    }

    /// <summary>Downloads one blob as it is now, applies <paramref name="change"/> and writes it back if nobody changed it
    /// meanwhile (else tries again); a null result deletes the blob.</summary>
    public async Task Rewrite<T>(string name, Func<T, T?> change) where T : class
    {
        var blob = _container.GetBlobClient(name);
        while (true)
        {
            if (await blob.DownloadOrNull() is not { } content) return;
            (T Record, ETag ETag) current = (BlobJson.Read<T>(content.Content), content.Details.ETag);
            try
            {
                if (change(current.Record) is { } changed) await BlobJson.Upload(blob, BlobJson.Write(changed), current.ETag);
                else await blob.DeleteAsync(conditions: new() { IfMatch = current.ETag });
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Changed by another writer since the download: read it again.
            }
        }
    }

    /// <summary>The blob of one commit: <c>commits/{shard}/{batch}</c>.</summary>
    public static string CommitName(int shard, long batchId) =>
        string.Create(CultureInfo.InvariantCulture, $"{CommitPrefixOf(shard)}{batchId:D19}");

    /// <summary>The start of the names of one shard's commit blobs.</summary>
    public static string CommitPrefixOf(int shard) => string.Create(CultureInfo.InvariantCulture, $"{CommitPrefix}{shard:D2}/");

    /// <summary>The batch a commit blob's name ends with.</summary>
    public static long BatchOf(string commitName) => long.Parse(commitName.AsSpan(commitName.LastIndexOf('/') + 1), CultureInfo.InvariantCulture);

    // The batch ids of now: every commit acknowledged before this has a smaller one (clocks allowing, hence the margin).
    private static long Clock() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() << 20;

    /// <summary>A listing and a download may quote the same ETag differently (Azurite does).</summary>
    public static ETag Normal(ETag etag) => new(etag.ToString().Trim('"'));
}
