using QmInsights.Tests.Storage;

namespace QmInsights.Tests.Azure;

public sealed class AzureDurableIngestTests(AzuriteServer azurite) : DurableIngestTests, IClassFixture<AzuriteServer>
{
    protected override Task<string[]> NewStorage(string name) => Task.FromResult(azurite.Settings(AzuriteServer.NewPrefix()));
}

public sealed class AzureSiloFailureTests(AzuriteServer azurite) : SiloFailureTests, IClassFixture<AzuriteServer>
{
    protected override Task<string[]> NewStorage(string name) => Task.FromResult(azurite.Settings(AzuriteServer.NewPrefix()));
}
