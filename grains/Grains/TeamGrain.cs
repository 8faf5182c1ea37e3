using Microsoft.Extensions.Logging;
using QmInsights.Grains.Interfaces;

namespace QmInsights.Grains.Grains;

public sealed class TeamGrain(
    [PersistentState("team", StorageNames.Aggregates)] IPersistentState<QualityState> state,
    ILogger<TeamGrain> logger)
    : QualityAggregateGrain(state, logger), ITeamGrain;
