using Microsoft.Extensions.DependencyInjection;
using QmInsights.Grains.Grains;
using QmInsights.Grains.Interfaces;
using QmInsights.Grains.Reports;
using QmInsights.Reports.Pack;
using QmInsights.Storage;
using QmInsights.Tests.Api;

namespace QmInsights.Tests.Reports;

/// <summary>What Orleans' collector does after quiet hours, run on demand on a small simulated centre (September and
/// October 2025): outlooks trained ahead must outlive the night (idle shards keep their data versions, idle aggregates come
/// back with their figures), and an outlook collected with its grain, as after a restart, is trained again once the data
/// is quiet. Every test collects, so none depends on another's order.</summary>
public sealed class IdleCollectionTests(SimulatedCentreFixture centre) : IClassFixture<SimulatedCentreFixture>
{
    private static readonly PackMonth October = new(2025, 10);

    private T Service<T>() where T : notnull => centre.Services.GetRequiredService<T>();

    [Fact]
    public async Task Idle_shards_stay_with_their_data_versions_and_idle_aggregates_come_back_with_their_figures()
    {
        var grains = Service<IGrainFactory>();
        var management = grains.GetGrain<IManagementGrain>(0);
        async Task<ShardVersion[]> Versions() =>
            await Task.WhenAll(Enumerable.Range(0, Shards.Count).Select(s => grains.GetGrain<IInteractionShardGrain>(s).GetVersion(October.Last)));
        async Task<int> ShardActivations() => (await management.GetSimpleGrainStatistics())
            .Where(g => g.GrainType.Contains(nameof(InteractionShardGrain), StringComparison.Ordinal)).Sum(g => g.ActivationCount);

        var before = await Versions();
        Assert.Equal(Shards.Count, await ShardActivations());
        // Orleans' collector, run as after a quiet night: the shards stay, with the versions kept outlooks were trained at.
        await management.ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(Shards.Count, await ShardActivations());
        Assert.Equal(before, await Versions());

        // Agents and teams are collected (their idle age passed): written behind and read back, their figures are the same.
        var agent = $"/api/agents/{centre.Simulation.Agents[0].AgentId}/summary";
        var (centreSummary, agentSummary) = (await centre.Http.GetStringAsync("/api/centre/summary"), await centre.Http.GetStringAsync(agent));
        await management.ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(centreSummary, await centre.Http.GetStringAsync("/api/centre/summary"));
        Assert.Equal(agentSummary, await centre.Http.GetStringAsync(agent));
    }

    [Fact]
    public async Task An_outlook_lost_with_its_grain_is_trained_again_once_nothing_has_arrived_for_the_quiet_period()
    {
        var grains = Service<IGrainFactory>();
        var ahead = grains.GetGrain<ITrainAheadGrain>("outlooks");
        var outlook = grains.GetGrain<IPackOutlookGrain>(October.ToString());
        var quiet = Service<TrainAheadSettings>().Quiet;

        await outlook.Get("test");
        Assert.True((await outlook.Status()).Ready);
        // Every idle grain collected, as if the silo had restarted: the outlook and what training ahead had seen are gone.
        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.False((await outlook.Status()).Ready);

        var now = DateTimeOffset.UtcNow;
        // Nothing arrives: the first looks leave the shards alone while the quiet period runs ...
        var waiting = await ahead.Check(now);
        Assert.Equal((null, now, true), (waiting.Month, waiting.QuietSince, waiting.Settling));
        Assert.Null((await ahead.Check(now + quiet / 2)).Month);
        Assert.False((await outlook.Status()).Ready);

        // ... and once it has passed, October is trained again by training ahead, with no second wait.
        var trained = await ahead.Check(now + quiet);
        Assert.Equal(("2025-10", false), (trained.Month, trained.Settling));
        var status = await outlook.Status();
        Assert.True(status.Ready);
        Assert.Equal(("train ahead", 1), (status.TrainedBy, status.Trainings));
    }
}
