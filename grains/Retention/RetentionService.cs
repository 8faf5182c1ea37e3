using Microsoft.Extensions.DependencyInjection;
using QmInsights.Domain.Retention;
using QmInsights.Grains.Interfaces;
using QmInsights.Storage;

namespace QmInsights.Grains.Retention;

/// <summary>Deletes raw facts older than the retention horizon, shard by shard; aggregates keep their totals.</summary>
public sealed class RetentionService(IGrainFactory grains, RetentionOptions options, [FromKeyedServices(RetentionOptions.ClockKey)] TimeProvider clock)
{
    /// <summary>Runs retention now; null when no horizon is configured (facts are kept for ever).</summary>
    public async Task<RetentionRun?> Run()
    {
        if (options.Horizon.Cutoff(clock.GetUtcNow()) is not { } cutoff) return null;
        var counts = await Task.WhenAll(Enumerable.Range(0, Shards.Count).Select(s => grains.GetGrain<IInteractionShardGrain>(s).Retire(cutoff)));
        return new RetentionRun(cutoff, options.Horizon.RawFactMonths!.Value, counts.Aggregate(default(FactCounts), (a, b) => a + b));
    }
}

/// <summary>What one retention run deleted: facts dated before <see cref="KeptFrom"/>.</summary>
public sealed record RetentionRun(DateOnly KeptFrom, int RawFactMonths, FactCounts Deleted);
