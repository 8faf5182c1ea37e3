using System.IO.Compression;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace QmInsights.Storage.Azure;

/// <summary>Records stored as gzip-compressed JSON blobs (fact logs compress about fivefold, and a restart reads them all).</summary>
internal static class BlobJson
{
    private static readonly JsonSerializerOptions Options = new() { IncludeFields = true };

    public static T Read<T>(BinaryData content)
    {
        using var gzip = new GZipStream(content.ToStream(), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<T>(gzip, Options) ?? throw new InvalidDataException($"empty {typeof(T).Name} blob");
    }

    public static BinaryData Write<T>(T value)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            JsonSerializer.Serialize(gzip, value, Options);
        return new BinaryData(buffer.ToArray());
    }

    /// <summary>Uploads <paramref name="content"/> (a record <see cref="Write{T}"/> made): as a new blob when
    /// <paramref name="ifMatch"/> is null (failing if the name exists), else replacing the version with that ETag (failing
    /// if someone changed it meanwhile).</summary>
    public static async Task<ETag> Upload(BlobClient blob, BinaryData content, ETag? ifMatch)
    {
        var conditions = ifMatch is { } etag ? new BlobRequestConditions { IfMatch = etag } : new BlobRequestConditions { IfNoneMatch = ETag.All };
        var response = await blob.UploadAsync(content, new BlobUploadOptions
        {
            Conditions = conditions,
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/gzip" },
        });
        return response.Value.ETag;
    }
}
