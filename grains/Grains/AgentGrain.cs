using Microsoft.Extensions.Logging;
using QmInsights.Domain.Facts;
using QmInsights.Grains.Interfaces;

namespace QmInsights.Grains.Grains;

public sealed class AgentGrain : QualityAggregateGrain, IAgentGrain
{
    private readonly IPersistentState<RosterState> _roster;

    public AgentGrain(
        [PersistentState("agent", StorageNames.Aggregates)] IPersistentState<QualityState> state,
        [PersistentState("roster", StorageNames.Aggregates)] IPersistentState<RosterState> roster,
        ILogger<AgentGrain> logger)
        : base(state, logger)
    {
        _roster = roster;
    }

    // Roster changes are rare and must not wait for deactivation.
    async Task IAgentGrain.SetRoster(AgentRosterEntry entry)
    {
        if (_roster.State.Entry == entry) return;
        _roster.State.Entry = entry;
        await WriteNow(_roster);
    }

    Task<AgentRosterEntry?> IAgentGrain.GetRoster() => Task.FromResult(_roster.State.Entry);
}

[GenerateSerializer, Alias("qm.RosterState")]
public sealed class RosterState
{
    [Id(0)] public AgentRosterEntry? Entry { get; set; }
}
