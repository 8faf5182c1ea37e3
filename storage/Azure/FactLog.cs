using System.Diagnostics;
using Azure;
using Azure.Storage.Blobs;

namespace QmInsights.Storage.Azure;

/// <summary>This silo's copy of the fact log container: every commit and retirement blob, read once and then kept in step
/// by listing the container (one call per 5,000 blobs) and downloading only blobs that are new or changed. A read waits
/// for a listing that started after the read was asked for, so it sees every commit acknowledged before it, by any silo.</summary>
internal sealed class FactLog(BlobContainerClient container)
{
    public const string CommitPrefix = "commits/";
    public const string RetirementPrefix = "retirements/";

    private readonly Dictionary<string, (ETag ETag, object Record)> _blobs = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private FactLogView _view = new();
    private long _lastSyncStarted = long.MinValue;

    public BlobContainerClient Container => container;

    /// <summary>Runs <paramref name="read"/> on a view that holds every blob written before this call.</summary>
    public async Task<T> Read<T>(Func<FactLogView, T> read)
    {
        var asked = Stopwatch.GetTimestamp();
        await _gate.WaitAsync();
        try
        {
            // A listing that began after this call was made already covers it (concurrent loads share one listing).
            if (_lastSyncStarted <= asked)
            {
                _lastSyncStarted = Stopwatch.GetTimestamp();
                await Sync();
            }
            return read(_view);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task Sync()
    {
        var listed = new Dictionary<string, ETag>(StringComparer.Ordinal);
        await foreach (var item in container.GetBlobsAsync()) listed[item.Name] = item.Properties.ETag!.Value;

        var gone = _blobs.Keys.Where(name => !listed.TryGetValue(name, out var etag) || etag != _blobs[name].ETag).ToList();
        var fetch = listed.Where(p => !_blobs.TryGetValue(p.Key, out var cached) || cached.ETag != p.Value).Select(p => p.Key).ToList();
        if (gone.Count == 0 && fetch.Count == 0) return;

        // Cached under the listing's ETag (a download's header may spell it differently): a blob changed between the
        // listing and the download is then simply downloaded again at the next sync.
        var fetched = new (string Name, ETag ETag, object? Record)[fetch.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, fetch.Count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var name = fetch[i];
            try
            {
                var content = (await container.GetBlobClient(name).DownloadContentAsync(ct)).Value;
                fetched[i] = (name, listed[name], name.StartsWith(RetirementPrefix, StringComparison.Ordinal)
                    ? BlobJson.Read<RetirementRecord>(content.Content)
                    : BlobJson.Read<CommitRecord>(content.Content));
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                fetched[i] = (name, default, null); // deleted since the listing (every fact of it retired)
            }
        });

        foreach (var name in gone) _blobs.Remove(name);
        foreach (var (name, etag, record) in fetched)
            if (record is not null) _blobs[name] = (etag, record);

        // New commit blobs only add facts; anything else (a rewrite, a deletion, a retirement) is rare: read it all again.
        if (gone.Count == 0 && fetched.All(f => f.Record is CommitRecord))
            foreach (var (name, _, record) in fetched) _view.Add(name, (CommitRecord)record!);
        else
            _view = FactLogView.Of(
                _blobs.Where(b => b.Value.Record is CommitRecord).ToDictionary(b => b.Key, b => (CommitRecord)b.Value.Record),
                _blobs.Where(b => b.Value.Record is RetirementRecord).ToDictionary(b => b.Key, b => (RetirementRecord)b.Value.Record));
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
}
