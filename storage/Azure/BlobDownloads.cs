using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace QmInsights.Storage.Azure;

/// <summary>Reading a blob that may be gone: the fact log lists blobs that a fold or a retirement deletes meanwhile.</summary>
internal static class BlobDownloads
{
    /// <summary>The blob's content and properties as they are now, or null when it does not exist (never written, or
    /// deleted since it was listed).</summary>
    public static async Task<BlobDownloadResult?> DownloadOrNull(this BlobClient blob, CancellationToken ct = default)
    {
        try
        {
            return (await blob.DownloadContentAsync(ct)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
