using QmInsights.Domain.Retention;
using QmInsights.Grains.Interfaces;

namespace QmInsights.Grains.Grains;

public sealed class ErasureRegistryGrain(
    [PersistentState("erasures", StorageNames.Definitions)] IPersistentState<ErasureState> state)
    : Grain, IErasureRegistryGrain
{
    async Task<AgentErasure> IErasureRegistryGrain.Record(string agentId, DateTimeOffset at)
    {
        if (state.State.Agents.TryGetValue(agentId, out var known)) return known;
        var erasure = new AgentErasure(agentId, at);
        state.State.Agents[agentId] = erasure;
        await state.WriteStateAsync();
        return erasure;
    }

    Task<Dictionary<string, AgentErasure>> IErasureRegistryGrain.Among(IReadOnlyCollection<string> agentIds) =>
        Task.FromResult(agentIds.Where(state.State.Agents.ContainsKey).ToDictionary(id => id, id => state.State.Agents[id], StringComparer.Ordinal));

    Task<AgentErasure?> IErasureRegistryGrain.Find(string agentId) => Task.FromResult(state.State.Agents.GetValueOrDefault(agentId));
}

[GenerateSerializer, Alias("qm.ErasureState")]
public sealed class ErasureState
{
    [Id(0)] public Dictionary<string, AgentErasure> Agents { get; set; } = new(StringComparer.Ordinal);
}
