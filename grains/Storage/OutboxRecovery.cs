using QmInsights.Domain.Live;
using QmInsights.Storage;
using Microsoft.Extensions.Logging;
using QmInsights.Grains.Interfaces;
using QmInsights.Grains.Telemetry;

namespace QmInsights.Grains.Storage;

/// <summary>Finds committed batches whose aggregate changes were never confirmed (the silo that sent them died in
/// between) and makes the aggregates they touch rebuild from the fact store, which includes those batches.</summary>
public sealed class OutboxRecovery(IGrainFactory grains, IFactStore facts, EngineMetrics metrics, ILogger<OutboxRecovery> logger)
{
    /// <summary>How long a batch may stay unconfirmed before it counts as lost rather than in flight.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(20);

    /// <summary>Recovers every pending batch older than <paramref name="grace"/>; returns how many.</summary>
    public async Task<int> RunOnce(TimeSpan? grace = null)
    {
        var pending = await facts.Pending(grace ?? Grace);
        metrics.OutboxPending(pending.Count);
        if (pending.Count == 0) return 0;
        await Task.WhenAll(
            pending.SelectMany(p => p.Agents).Distinct().Select(id => grains.GetGrain<IAgentGrain>(id).Refresh())
                .Concat(pending.SelectMany(p => p.Teams).Distinct().Select(id => grains.GetGrain<ITeamGrain>(id).Refresh()))
                .Concat(pending.SelectMany(p => p.Scorecards).Distinct().Select(id => grains.GetGrain<IScorecardGrain>(id).Refresh())));
        // Live views and the centre summaries kept on each silo re-read the aggregates the lost changes now reach.
        await grains.GetGrain<IChangeFeedGrain>(ChangeFeed.Key).Publish(DataChange.Merge(pending.Select(p => new DataChange(p.Agents, p.Teams, p.Scorecards))));
        await facts.MarkApplied(pending.Select(p => p.BatchId).ToList());
        logger.LogWarning("Recovered {Count} batches whose aggregate changes were not confirmed", pending.Count);
        return pending.Count;
    }
}
