using System.Globalization;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace QmInsights.Storage.Azure;

/// <summary>Packs as blobs <c>{month}/{scope}.pdf</c> in the packs container, with content type application/pdf and the
/// month, scope and generation time in the blob's metadata.</summary>
public sealed class AzurePackArchive(AzureStorageAccount account) : IPackArchive
{
    private readonly BlobContainerClient _packs = account.Blobs.GetBlobContainerClient(account.PacksContainer);

    /// <summary>Creates the packs container when missing.</summary>
    public Task CreateIfMissing() => _packs.CreateIfNotExistsAsync();

    public async Task<ArchivedPack?> Find(string month, string scope)
    {
        if (await Blob(month, scope).DownloadOrNull() is not { } content) return null;
        var generatedAt = DateTimeOffset.Parse(content.Details.Metadata["generatedAt"], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        return new ArchivedPack(month, scope, generatedAt, content.Content.ToArray());
    }

    public Task Save(ArchivedPack pack) => Blob(pack.Month, pack.Scope).UploadAsync(new BinaryData(pack.Pdf), new BlobUploadOptions
    {
        HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" },
        // Metadata values are ASCII: the scope (which holds a team id) is escaped.
        Metadata = new Dictionary<string, string>
        {
            ["month"] = pack.Month,
            ["scope"] = Uri.EscapeDataString(pack.Scope),
            ["generatedAt"] = pack.GeneratedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        },
    });

    private BlobClient Blob(string month, string scope) => _packs.GetBlobClient($"{month}/{Uri.EscapeDataString(scope)}.pdf");
}
