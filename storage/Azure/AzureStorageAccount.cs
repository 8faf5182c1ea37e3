using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace QmInsights.Storage.Azure;

/// <summary>The storage account the engine keeps everything in, and the names of its tables and containers. Every name
/// starts with <see cref="Prefix"/>, so several deployments (or tests) can share one account.</summary>
public sealed class AzureStorageAccount
{
    private AzureStorageAccount(TableServiceClient tables, BlobServiceClient blobs, string prefix)
    {
        if (prefix.Length is < 1 or > 20 || !char.IsAsciiLetterLower(prefix[0]) || !prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
            throw new ArgumentException($"Azure:Storage:Prefix: '{prefix}' must be 1 to 20 lower-case letters or digits, starting with a letter", nameof(prefix));
        Tables = tables;
        Blobs = blobs;
        Prefix = prefix;
    }

    public TableServiceClient Tables { get; }

    public BlobServiceClient Blobs { get; }

    public string Prefix { get; }

    /// <summary>Container of the fact log: one blob per shard commit, and the retirement records.</summary>
    public string FactsContainer => Prefix + "-facts";

    /// <summary>Container of the archived monthly packs (PDF).</summary>
    public string PacksContainer => Prefix + "-packs";

    /// <summary>Container of the audit trail (append blobs, one an hour).</summary>
    public string AuditContainer => Prefix + "-audit";

    /// <summary>Container of Orleans grain state (definitions, roster, tokens, policies, calendars, calibration sessions).</summary>
    public string GrainStateContainer => Prefix + "-grainstate";

    /// <summary>Table of shard commits whose aggregate changes are not yet confirmed (the outbox).</summary>
    public string OutboxTable => Prefix + "outbox";

    /// <summary>Table of Orleans cluster membership.</summary>
    public string ClusterTable => Prefix + "silos";

    /// <summary>Table of Orleans reminders.</summary>
    public string RemindersTable => Prefix + "reminders";

    /// <summary>An account reached with a connection string (shared key; Azurite's well-known one in development).</summary>
    public static AzureStorageAccount FromConnectionString(string connectionString, string prefix) =>
        new(new TableServiceClient(connectionString), new BlobServiceClient(connectionString), prefix);

    /// <summary>An account reached with Microsoft Entra ID: <paramref name="blobServiceUri"/> is the account's blob
    /// endpoint (https://ACCOUNT.blob.core.windows.net); the table endpoint is the same with <c>table</c> unless given.</summary>
    public static AzureStorageAccount FromServiceUri(Uri blobServiceUri, Uri? tableServiceUri, string prefix, TokenCredential? credential = null)
    {
        credential ??= new DefaultAzureCredential();
        tableServiceUri ??= TableEndpointOf(blobServiceUri);
        return new(new TableServiceClient(tableServiceUri, credential), new BlobServiceClient(blobServiceUri, credential), prefix);
    }

    private static Uri TableEndpointOf(Uri blobServiceUri)
    {
        var host = blobServiceUri.Host;
        if (!host.Contains(".blob.", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"Azure:Storage:ServiceUri: '{blobServiceUri}' is not a blob endpoint (ACCOUNT.blob.core.windows.net); set Azure:Storage:TableServiceUri too",
                nameof(blobServiceUri));
        return new UriBuilder(blobServiceUri) { Host = host.Replace(".blob.", ".table.", StringComparison.OrdinalIgnoreCase) }.Uri;
    }
}
