using Orleans.TestingHost;
using Microsoft.Extensions.DependencyInjection;
using QmInsights.Grains.Grains;
using QmInsights.Storage;
using QmInsights.Storage.Memory;

namespace QmInsights.Tests.Cluster;

/// <summary>A two-silo Orleans test cluster with the grains' storage, shared by the tests of a class.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; } = new TestClusterBuilder(2)
        .AddSiloBuilderConfigurator<SiloConfigurator>()
        .Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    public ValueTask InitializeAsync() => new(Cluster.DeployAsync());

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddMemoryGrainStorage(StorageNames.Definitions);
            silo.AddMemoryGrainStorage(StorageNames.Derived);
            silo.Services.AddSingleton<IFactStore, GrainStorageOnly>();
        }
    }
}
