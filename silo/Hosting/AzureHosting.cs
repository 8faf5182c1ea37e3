using Orleans.Configuration;
using Orleans.Dashboard;
using QmInsights.Grains.Grains;
using QmInsights.Grains.Storage;
using QmInsights.Storage;
using QmInsights.Storage.Azure;

namespace QmInsights.Silo.Hosting;

/// <summary><c>Storage:Provider=Azure</c>: one storage account holds cluster membership and reminders (Tables), grain
/// state (Blobs, the official Orleans providers), the fact log and outbox, and the archived packs. The account is reached
/// with <c>ConnectionStrings:AzureStorage</c>, or with <c>Azure:Storage:ServiceUri</c> and
/// <c>DefaultAzureCredential</c> (managed identity in production).</summary>
public static class AzureHosting
{
    public static WebApplicationBuilder AddAzureStorage(this WebApplicationBuilder builder, int siloPort, int gatewayPort)
    {
        var config = builder.Configuration;
        var account = Account(config);
        builder.Services.AddSingleton(account);
        var checkpointEvery = CheckpointEvery(config);
        builder.Services.AddSingleton(sp => new AzureFactStore(account, checkpointEvery, (shard, e) => sp.GetRequiredService<ILogger<AzureFactStore>>()
            .LogWarning(e, "Folding shard {Shard}'s commits into its checkpoint failed; the next fold takes them", shard)));
        builder.Services.AddSingleton<IFactStore>(sp => sp.GetRequiredService<AzureFactStore>());
        builder.Services.AddSingleton<AzurePackArchive>();
        builder.Services.AddSingleton<IPackArchive>(sp => sp.GetRequiredService<AzurePackArchive>());
        // Registered before the silo, so the containers and the outbox table exist before the first commit.
        builder.Services.AddHostedService<ContainerSetup>();
        builder.Services.AddSingleton<OutboxRecovery>();
        builder.Services.AddHostedService<OutboxRecoveryService>();
        builder.UseOrleans(silo =>
        {
            QmOrleans.ConfigureCluster(silo, config, siloPort, gatewayPort);
            silo.UseAzureStorageClustering(o =>
            {
                o.TableServiceClient = account.Tables;
                o.TableName = account.ClusterTable;
            });
            silo.AddAzureBlobGrainStorage(StorageNames.Definitions, o =>
            {
                o.BlobServiceClient = account.Blobs;
                o.ContainerName = account.GrainStateContainer;
            });
            // Derived state is rebuilt from the facts at activation: nothing of it needs to outlive the silo.
            silo.AddMemoryGrainStorage(StorageNames.Derived);
            silo.UseAzureTableReminderService(o =>
            {
                o.TableServiceClient = account.Tables;
                o.TableName = account.RemindersTable;
            });
            silo.AddDashboard();
        });
        return builder;
    }

    private static AzureStorageAccount Account(IConfiguration config)
    {
        var prefix = config["Azure:Storage:Prefix"] ?? "qm";
        if (config.GetConnectionString("AzureStorage") is { Length: > 0 } connectionString)
            return AzureStorageAccount.FromConnectionString(connectionString, prefix);
        if (config["Azure:Storage:ServiceUri"] is { Length: > 0 } serviceUri)
            return AzureStorageAccount.FromServiceUri(ParseUri("Azure:Storage:ServiceUri", serviceUri),
                config["Azure:Storage:TableServiceUri"] is { Length: > 0 } tableUri ? ParseUri("Azure:Storage:TableServiceUri", tableUri) : null, prefix);
        throw new InvalidOperationException(
            "Storage:Provider is Azure but neither ConnectionStrings:AzureStorage nor Azure:Storage:ServiceUri is set " +
            "(environment: ConnectionStrings__AzureStorage, or Azure__Storage__ServiceUri with a managed identity)");
    }

    // Azure:Storage:CheckpointEvery: commits of a shard between two folds into its checkpoint (fewer: shorter restarts,
    // more writes while ingesting).
    private static int CheckpointEvery(IConfiguration config) => config["Azure:Storage:CheckpointEvery"] is { Length: > 0 } value
        ? int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var every) && every >= 1
            ? every
            : throw new InvalidOperationException($"Azure:Storage:CheckpointEvery: '{value}' is not a whole number of commits of at least 1")
        : AzureFactStore.DefaultCheckpointEvery;

    private static Uri ParseUri(string key, string value) => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
        ? uri
        : throw new InvalidOperationException($"{key}: '{value}' is not an absolute http(s) address");

    private sealed class ContainerSetup(AzureFactStore facts, AzurePackArchive packs) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await facts.CreateIfMissing();
            await packs.CreateIfMissing();
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
