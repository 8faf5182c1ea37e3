using Microsoft.Extensions.Logging;
using QmInsights.Domain.Facts;
using QmInsights.Grains.Interfaces;
using QmInsights.Storage;

namespace QmInsights.Grains.Grains;

public sealed class AgentGrain : QualityAggregateGrain, IAgentGrain
{
    private readonly IPersistentState<RosterState> _roster;

    public AgentGrain(
        [PersistentState("agent", StorageNames.Derived)] IPersistentState<QualityState> state,
        [PersistentState("roster", StorageNames.Definitions)] IPersistentState<RosterState> roster,
        IFactStore facts,
        ILogger<AgentGrain> logger)
        : base(state, facts, logger)
    {
        _roster = roster;
    }

    protected override TallyOwner Owner => TallyOwner.Agent;

    // Roster changes are rare and must not wait for deactivation.
    async Task IAgentGrain.SetRoster(AgentRosterEntry entry)
    {
        if (_roster.State.Entry == entry) return;
        _roster.State.Entry = entry;
        await WriteNow(_roster);
        await GrainFactory.GetGrain<IRosterDirectoryGrain>("roster").Register(entry);
    }

    async Task IAgentGrain.Erase()
    {
        Forget();
        await GrainFactory.GetGrain<IRosterDirectoryGrain>("roster").Remove(this.GetPrimaryKeyString());
        // Cleared rather than written empty: nothing of the entry stays in grain storage.
        if (_roster.RecordExists) await _roster.ClearStateAsync();
    }

    Task<AgentRosterEntry?> IAgentGrain.GetRoster() => Task.FromResult(_roster.State.Entry);
}

[GenerateSerializer, Alias("qm.RosterState")]
public sealed class RosterState
{
    [Id(0)] public AgentRosterEntry? Entry { get; set; }
}
