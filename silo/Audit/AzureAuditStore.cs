using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using QmInsights.Domain.Access;
using QmInsights.Storage.Azure;

namespace QmInsights.Silo.Audit;

/// <summary>The audit trail in Azure Storage: append blobs <c>{yyyy}/{MM}/{dd}/{HH}.ndjson</c> in the audit container,
/// one JSON line per entry, each batch one append (blocks are never rewritten; put a time-based immutability policy on
/// the container to make that a rule). Every silo appends to and reads from the same blobs.</summary>
public sealed class AzureAuditStore(AzureStorageAccount account) : IAuditStore
{
    private readonly BlobContainerClient _container = account.Blobs.GetBlobContainerClient(account.AuditContainer);
    private readonly Lazy<Task> _created = new(() => account.Blobs.GetBlobContainerClient(account.AuditContainer).CreateIfNotExistsAsync());

    public async Task Append(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return;
        await _created.Value;
        // The hour of the batch's oldest entry names its blob, so a blob holds no entry older than its hour.
        var blob = _container.GetAppendBlobClient(HourName(entries.Min(e => e.At)));
        await blob.CreateIfNotExistsAsync(cancellationToken: ct);
        var lines = new StringBuilder();
        foreach (var entry in entries) lines.Append(JsonSerializer.Serialize(entry)).Append('\n');
        using var block = new MemoryStream(Encoding.UTF8.GetBytes(lines.ToString()));
        await blob.AppendBlockAsync(block, cancellationToken: ct);
    }

    public async Task<List<AuditEntry>> Query(AuditQuery query, CancellationToken ct)
    {
        await _created.Value;
        var names = new List<string>();
        await foreach (var item in _container.GetBlobsAsync(cancellationToken: ct)) names.Add(item.Name);
        var found = new List<AuditEntry>();
        var extra = 1; // a batch may run into the next hour: read one blob past the limit
        foreach (var name in names.OrderDescending(StringComparer.Ordinal))
        {
            var hour = DateTimeOffset.ParseExact(name, "yyyy/MM/dd/HH'.ndjson'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            if (query.To is { } to && hour >= to) continue;
            if (query.From is { } from && hour.AddHours(2) <= from) break;
            string text;
            try { text = (await _container.GetBlobClient(name).DownloadContentAsync(ct)).Value.Content.ToString(); }
            catch (RequestFailedException e) when (e.Status == 404) { continue; }
            found.AddRange(text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => JsonSerializer.Deserialize<AuditEntry>(line)!).Where(query.Matches));
            if (found.Count >= query.Limit && extra-- == 0) break;
        }
        return found.OrderByDescending(e => e.At).Take(query.Limit).ToList();
    }

    private static string HourName(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy/MM/dd/HH'.ndjson'", CultureInfo.InvariantCulture);
}
