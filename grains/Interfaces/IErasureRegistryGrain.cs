using Orleans.Concurrency;
using QmInsights.Domain.Retention;

namespace QmInsights.Grains.Interfaces;

/// <summary>Every agent whose personal data was erased, so ingestion can refuse facts about them. Erasures are
/// rare: one grain holds them all. Key: "erasures".</summary>
[Alias("qm.IErasureRegistryGrain")]
public interface IErasureRegistryGrain : IGrainWithStringKey
{
    /// <summary>Records the erasure (durably, before anything is deleted); an agent erased before keeps the first date.</summary>
    Task<AgentErasure> Record(string agentId, DateTimeOffset at);

    /// <summary>The erasures of those of <paramref name="agentIds"/> that were erased (usually none).</summary>
    [ReadOnly]
    Task<Dictionary<string, AgentErasure>> Among(IReadOnlyCollection<string> agentIds);

    [ReadOnly]
    Task<AgentErasure?> Find(string agentId);
}
