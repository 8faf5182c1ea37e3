using Microsoft.Extensions.DependencyInjection;
using QmInsights.Domain.Retention;
using QmInsights.Grains.Interfaces;
using QmInsights.Storage;

namespace QmInsights.Grains.Retention;

/// <summary>Erases one agent's personal data on request: records the erasure first (so facts arriving meanwhile are
/// refused), then deletes the agent's contacts and evaluations from every shard, the retired tallies kept for the
/// agent, and the roster entry. Teams, scorecards and other agents keep their totals. Running it again is harmless.</summary>
public sealed class ErasureService(IGrainFactory grains, IFactStore facts, [FromKeyedServices(RetentionOptions.ClockKey)] TimeProvider clock)
{
    public async Task<(AgentErasure Erasure, FactCounts Deleted)> Erase(string agentId)
    {
        var erasure = await grains.GetGrain<IErasureRegistryGrain>("erasures").Record(agentId, clock.GetUtcNow());
        var counts = await Task.WhenAll(Enumerable.Range(0, Shards.Count).Select(s => grains.GetGrain<IInteractionShardGrain>(s).Erase(agentId)));
        await facts.ForgetAgentTallies(agentId);
        await grains.GetGrain<IAgentGrain>(agentId).Erase();
        return (erasure, counts.Aggregate(default(FactCounts), (a, b) => a + b));
    }
}
