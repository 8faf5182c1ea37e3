using Microsoft.Extensions.Logging;
using QmInsights.Domain.Aggregates;
using QmInsights.Grains.Interfaces;
using QmInsights.Storage;

namespace QmInsights.Grains.Grains;

public sealed class TeamGrain(
    [PersistentState("team", StorageNames.Derived)] IPersistentState<QualityState> state,
    IFactStore facts,
    ILogger<TeamGrain> logger)
    : QualityAggregateGrain(state, facts, logger), ITeamGrain
{
    protected override Task<StoredRows> LoadRows() => Facts.LoadForTeam(this.GetPrimaryKeyString());

    protected override TallyMap<TallyBucket, QualityTally>? Mine(AggregateChanges changes) =>
        changes.Teams.GetValueOrDefault(this.GetPrimaryKeyString());
}
