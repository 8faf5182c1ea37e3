using QmInsights.Domain.Facts;

namespace QmInsights.Grains.Interfaces;

/// <summary>One agent: roster entry and quality aggregates. Keyed by agent id.</summary>
[Alias("qm.IAgentGrain")]
public interface IAgentGrain : IGrainWithStringKey, IQualityAggregateGrain
{
    Task SetRoster(AgentRosterEntry entry);

    Task<AgentRosterEntry?> GetRoster();

    /// <summary>Forgets the agent: roster entry (display name included) and every tally.</summary>
    Task Erase();
}
