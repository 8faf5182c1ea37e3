using QmInsights.Domain.Facts;
using QmInsights.Grains.Interfaces;

namespace QmInsights.Grains.Grains;

public sealed class RosterDirectoryGrain(
    [PersistentState("rosterDirectory", StorageNames.Definitions)] IPersistentState<RosterDirectoryState> state)
    : Grain, IRosterDirectoryGrain
{
    async Task IRosterDirectoryGrain.Register(AgentRosterEntry entry)
    {
        if (state.State.Entries.TryGetValue(entry.AgentId, out var known) && known == entry) return;
        state.State.Entries[entry.AgentId] = entry;
        await state.WriteStateAsync();
    }

    async Task IRosterDirectoryGrain.Remove(string agentId)
    {
        if (state.State.Entries.Remove(agentId)) await state.WriteStateAsync();
    }

    Task<List<AgentRosterEntry>> IRosterDirectoryGrain.All() =>
        Task.FromResult(state.State.Entries.Values.OrderBy(e => e.AgentId, StringComparer.Ordinal).ToList());

    Task<List<string>> IRosterDirectoryGrain.TeamIds() =>
        Task.FromResult(state.State.Entries.Values.Select(e => e.TeamId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
}

[GenerateSerializer, Alias("qm.RosterDirectoryState")]
public sealed class RosterDirectoryState
{
    [Id(0)] public Dictionary<string, AgentRosterEntry> Entries { get; set; } = new();
}
