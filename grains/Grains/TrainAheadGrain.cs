using Microsoft.Extensions.DependencyInjection;
using QmInsights.Grains.Interfaces;
using QmInsights.Grains.Reports;
using QmInsights.Reports.Pack;
using QmInsights.Storage;

namespace QmInsights.Grains.Grains;

public sealed class TrainAheadGrain(PackForecast forecasts) : Grain, ITrainAheadGrain
{
    private QuietWatch<OutlookVersion>? _watch;
    private long? _feed;
    private TrainAheadState _state = new(null, null, false);

    private QuietWatch<OutlookVersion> Watch =>
        _watch ??= new((ServiceProvider.GetService<TrainAheadSettings>() ?? TrainAheadSettings.Default).Quiet);

    async Task<TrainAheadState> ITrainAheadGrain.Check(DateTimeOffset now)
    {
        // The change feed says cheaply whether anything arrived: without new data the shards are not asked (after a restart in
        // a durable mode that would load every shard's window for nothing). The feed's start: nothing arrived since it started.
        var changes = GrainFactory.GetGrain<IChangeFeedGrain>(ChangeFeed.Key);
        var feed = await changes.Version();
        var arrived = feed != (_feed ?? await changes.Start());
        _feed = feed;
        if (!arrived && !_state.Settling) return _state;
        var days = await Task.WhenAll(Enumerable.Range(0, Shards.Count).Select(s => GrainFactory.GetGrain<IInteractionShardGrain>(s).GetLatestDay()));
        if (days.Max() is not { } latest) return _state;
        var month = PackMonth.LatestClosed(latest, now);
        var settled = Watch.Settled(month, await forecasts.DataVersion(month), now);
        _state = new TrainAheadState(month.ToString(), Watch.Since, !settled);
        // Kept already (an earlier look or a pack trained it at this version): answered at once, nothing trained.
        if (settled) await GrainFactory.GetGrain<IPackOutlookGrain>(month.ToString()).Get("train ahead");
        return _state;
    }

    Task<TrainAheadState> ITrainAheadGrain.State() => Task.FromResult(_state);
}
