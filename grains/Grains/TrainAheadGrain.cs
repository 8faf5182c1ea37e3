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
    private DateTimeOffset _unchangedSince;
    private TrainAheadState _state = new(null, null, false);

    private QuietWatch<OutlookVersion> Watch => _watch ??= new(Quiet);

    private TimeSpan Quiet => (ServiceProvider.GetService<TrainAheadSettings>() ?? TrainAheadSettings.Default).Quiet;

    async Task<TrainAheadState> ITrainAheadGrain.Check(DateTimeOffset now)
    {
        // The change feed says cheaply whether anything arrived: without new data the shards are not asked.
        var changes = GrainFactory.GetGrain<IChangeFeedGrain>(ChangeFeed.Key);
        var feed = await changes.Version();
        if (_feed is null)
        {
            // This activation's first look (the cluster restarted, or the grain moved): the outlooks trained before may have
            // gone with their silos, so the month is looked at once nothing has arrived for the quiet period. Not at once:
            // in a durable mode the look loads every shard's window, which would compete with the restart's own work.
            _feed = await changes.Start();
            (_unchangedSince, _state) = (now, new TrainAheadState(null, now, Settling: true));
        }
        if (feed != _feed) (_feed, _unchangedSince) = (feed, now);
        else if (!_state.Settling || (_state.Month is null && now - _unchangedSince < Quiet)) return _state;
        var days = await Task.WhenAll(Enumerable.Range(0, Shards.Count).Select(s => GrainFactory.GetGrain<IInteractionShardGrain>(s).GetLatestDay()));
        if (days.Max() is not { } latest) return _state = new TrainAheadState(null, null, false);
        var month = PackMonth.LatestClosed(latest, now);
        var settled = Watch.Settled(month, await forecasts.DataVersion(month), now, _unchangedSince);
        _state = new TrainAheadState(month.ToString(), Watch.Since, !settled);
        // Kept already (an earlier look or a pack trained it at this version): answered at once, nothing trained.
        if (settled) await GrainFactory.GetGrain<IPackOutlookGrain>(month.ToString()).Get("train ahead");
        return _state;
    }

    Task<TrainAheadState> ITrainAheadGrain.State() => Task.FromResult(_state);
}
