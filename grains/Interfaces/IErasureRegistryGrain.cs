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

    [ReadOnly]
    Task<Dictionary<string, AgentErasure>> All();

    [ReadOnly]
    Task<AgentErasure?> Find(string agentId);
}
