using QmInsights.Domain.Live;
using QmInsights.Grains.Interfaces;

namespace QmInsights.Grains.Grains;

public sealed class ChangeFeedGrain(
    [PersistentState("changeFeed", StorageNames.Definitions)] IPersistentState<KnownIdsState> known)
    : Grain, IChangeFeedGrain
{
    // The log itself is not persisted: after a restart readers are told to reload, which is all they need. Versions
    // start at the activation's microsecond, above every version of an earlier activation (which published fewer
    // than one change a microsecond), so a reader from before is always told, however long it was away.
    private readonly ChangeLog _log = new(start: DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000);

    async Task IChangeFeedGrain.Publish(DataChange change)
    {
        _log.Append(change);
        var added = false;
        foreach (var team in change.Teams) added |= known.State.Teams.Add(team);
        foreach (var scorecard in change.Scorecards) added |= known.State.Scorecards.Add(scorecard);
        if (added) await known.WriteStateAsync();
    }

    Task<ChangesSince?> IChangeFeedGrain.Since(long version) => Task.FromResult(_log.Since(version));

    Task<long> IChangeFeedGrain.Version() => Task.FromResult(_log.Version);

    Task<long> IChangeFeedGrain.Start() => Task.FromResult(_log.Start);

    Task<DataChange> IChangeFeedGrain.Known() => Task.FromResult(new DataChange([],
        known.State.Teams.Order(StringComparer.Ordinal).ToList(), known.State.Scorecards.Order(StringComparer.Ordinal).ToList()));
}

[GenerateSerializer, Alias("qm.KnownIdsState")]
public sealed class KnownIdsState
{
    [Id(0)] public HashSet<string> Teams { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public HashSet<string> Scorecards { get; set; } = new(StringComparer.Ordinal);
}
