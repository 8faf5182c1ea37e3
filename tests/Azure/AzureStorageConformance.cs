using QmInsights.Storage;
using QmInsights.Storage.Azure;
using QmInsights.Tests.Storage;

namespace QmInsights.Tests.Azure;

public sealed class AzureFactStoreConformance(AzuriteServer azurite) : FactStoreConformance, IClassFixture<AzuriteServer>
{
    protected override async Task<IFactStore> NewStore()
    {
        var store = new AzureFactStore(azurite.NewAccount());
        await store.CreateIfMissing();
        return store;
    }
}

/// <summary>The same contract with a fold into the checkpoint after every commit, in the background, so every read races
/// folds and most facts are read from a checkpoint.</summary>
public sealed class AzureCheckpointedFactStoreConformance(AzuriteServer azurite) : FactStoreConformance, IClassFixture<AzuriteServer>
{
    protected override async Task<IFactStore> NewStore()
    {
        var store = new AzureFactStore(azurite.NewAccount(), checkpointEvery: 1);
        await store.CreateIfMissing();
        return store;
    }
}

public sealed class AzurePackArchiveConformance(AzuriteServer azurite) : PackArchiveConformance, IClassFixture<AzuriteServer>
{
    protected override async Task<IPackArchive> NewArchive()
    {
        var archive = new AzurePackArchive(azurite.NewAccount());
        await archive.CreateIfMissing();
        return archive;
    }
}
