using Microsoft.Extensions.Logging;
using QmInsights.Grains.Interfaces;
using QmInsights.Storage;

namespace QmInsights.Grains.Grains;

public sealed class TeamGrain(
    [PersistentState("team", StorageNames.Derived)] IPersistentState<QualityState> state,
    IFactStore facts,
    ILogger<TeamGrain> logger)
    : QualityAggregateGrain(state, facts, logger), ITeamGrain
{
    protected override TallyOwner Owner => TallyOwner.Team;
}
