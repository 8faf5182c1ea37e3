using System.Diagnostics;
using System.Globalization;
using Azure;
using Azure.Storage.Blobs;

namespace QmInsights.Storage.Azure;

/// <summary>This silo's copy of the fact log container: every commit and retirement blob, read once by listing the
/// container and then kept in step through the batch table: a read asks it for commits from the newest batch it knows
/// (less a margin for clocks and writes in flight) and downloads only those blobs, and reads the whole container again
/// only after a rewrite marker (retention, erasure, re-scoring). A read waits for a catch-up that started after the
/// read was asked for, so it sees every commit acknowledged before it, by any silo.</summary>
internal sealed class FactLog(BlobContainerClient container, AzureOutbox batches)
{
    public const string CommitPrefix = "commits/";
    public const string RetirementPrefix = "retirements/";

    // Batch ids are milliseconds since 1970 shifted left 20 bits: two minutes of them.
    private const long Margin = 120_000L << 20;

    private readonly Dictionary<string, (ETag ETag, object Record)> _blobs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _absent = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private FactLogView _view = new();
    private long _lastSyncStarted = long.MinValue;
    private long _newestBatch;
    private long _lastRewrite = -1;
    private bool _loaded;

    public BlobContainerClient Container => container;

    /// <summary>Runs <paramref name="read"/> on a view that holds every blob written before this call.</summary>
    public async Task<T> Read<T>(Func<FactLogView, T> read)
    {
        var asked = Stopwatch.GetTimestamp();
        await _gate.WaitAsync();
        try
        {
            // A catch-up that began after this call was made already covers it (concurrent loads share one).
            if (_lastSyncStarted <= asked)
            {
                _lastSyncStarted = Stopwatch.GetTimestamp();
                var rewrite = await batches.LastRewriteAfter(_lastRewrite);
                // The first read lists the container (it alone finds a retirement whose marker was never written).
                if (rewrite != _lastRewrite || !_loaded)
                {
                    await ReadContainer();
                    _lastRewrite = rewrite;
                    _loaded = true;
                }
                else
                {
                    await CatchUp();
                }
            }
            return read(_view);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>New commits since the newest known, through the batch table.</summary>
    private async Task CatchUp()
    {
        var commits = await batches.CommitsFrom(Math.Max(0, _newestBatch - Margin));
        var names = commits.Select(c => CommitName(c.Shard, c.BatchId)).Where(n => !_blobs.ContainsKey(n) && !_absent.Contains(n)).ToList();
        var fetched = await Download(names);
        foreach (var (name, etag, record) in fetched)
        {
            if (record is CommitRecord commit)
            {
                _blobs[name] = (etag, commit);
                _view.Add(name, commit);
                _newestBatch = Math.Max(_newestBatch, commit.BatchId);
            }
            // No blob: its silo died between the batch row and the blob (then it never will be), or it is being written
            // (then it is not acknowledged yet). Looked for again while within the margin.
            else if (BatchOf(name) < _newestBatch - Margin) _absent.Add(name);
        }
    }

    /// <summary>Lists the whole container and downloads whatever is new or changed.</summary>
    private async Task ReadContainer()
    {
        var listed = new Dictionary<string, ETag>(StringComparer.Ordinal);
        await foreach (var item in container.GetBlobsAsync()) listed[item.Name] = Normal(item.Properties.ETag!.Value);
        var fetched = await Download(listed.Where(p => !_blobs.TryGetValue(p.Key, out var cached) || cached.ETag != p.Value).Select(p => p.Key).ToList());
        foreach (var name in _blobs.Keys.Where(n => !listed.ContainsKey(n)).ToList()) _blobs.Remove(name);
        foreach (var (name, etag, record) in fetched)
            if (record is null) _blobs.Remove(name);
            else _blobs[name] = (etag, record);
        foreach (var name in _blobs.Keys.Where(n => n.StartsWith(CommitPrefix, StringComparison.Ordinal)))
            _newestBatch = Math.Max(_newestBatch, BatchOf(name));
        _view = FactLogView.Of(
            _blobs.Where(b => b.Value.Record is CommitRecord).ToDictionary(b => b.Key, b => (CommitRecord)b.Value.Record),
            _blobs.Where(b => b.Value.Record is RetirementRecord).ToDictionary(b => b.Key, b => (RetirementRecord)b.Value.Record));
    }

    private async Task<(string Name, ETag ETag, object? Record)[]> Download(List<string> names)
    {
        var fetched = new (string Name, ETag ETag, object? Record)[names.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, names.Count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var name = names[i];
            try
            {
                var content = (await container.GetBlobClient(name).DownloadContentAsync(ct)).Value;
                fetched[i] = (name, Normal(content.Details.ETag), name.StartsWith(RetirementPrefix, StringComparison.Ordinal)
                    ? BlobJson.Read<RetirementRecord>(content.Content)
                    : BlobJson.Read<CommitRecord>(content.Content));
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                fetched[i] = (name, default, null);
            }
        });
        return fetched;
    }

    /// <summary>Downloads one blob as it is now, applies <paramref name="change"/> and writes it back if nobody changed it
    /// meanwhile (else tries again); a null result deletes the blob.</summary>
    public async Task Rewrite<T>(string name, Func<T, T?> change) where T : class
    {
        var blob = container.GetBlobClient(name);
        while (true)
        {
            (T Record, ETag ETag) current;
            try
            {
                var content = (await blob.DownloadContentAsync()).Value;
                current = (BlobJson.Read<T>(content.Content), content.Details.ETag);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return;
            }
            try
            {
                if (change(current.Record) is { } changed) await BlobJson.Upload(blob, changed, current.ETag);
                else await blob.DeleteAsync(conditions: new() { IfMatch = current.ETag });
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Changed by another writer since the download: read it again.
            }
        }
    }

    public static string CommitName(int shard, long batchId) =>
        string.Create(CultureInfo.InvariantCulture, $"{CommitPrefix}{shard:D2}/{batchId:D19}");

    private static long BatchOf(string commitName) => long.Parse(commitName.AsSpan(commitName.LastIndexOf('/') + 1), CultureInfo.InvariantCulture);

    // A listing and a download may quote the same ETag differently (Azurite does).
    private static ETag Normal(ETag etag) => new(etag.ToString().Trim('"'));
}
