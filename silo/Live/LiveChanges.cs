using System.Threading.Channels;
using QmInsights.Domain.Live;
using QmInsights.Grains.Interfaces;

namespace QmInsights.Silo.Live;

/// <summary>This silo's side of the change feed: while at least one browser listens, poll the feed grain once a
/// second and hand each listener what changed, coalesced. Polling keeps a burst of batches to one message a second
/// per browser whatever the import rate, and one grain call a second per silo whatever the number of browsers.</summary>
public sealed class LiveChanges(IGrainFactory grains, ILogger<LiveChanges> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly List<Channel<ChangesSince>> _listeners = [];
    private readonly SemaphoreSlim _someoneListens = new(0);

    /// <summary>A listener's queue of changes; dispose the subscription to leave. A slow listener keeps only the
    /// latest few messages: each is a hint to re-read, so dropping old ones loses nothing.</summary>
    public (ChannelReader<ChangesSince> Changes, IDisposable Subscription) Subscribe()
    {
        var channel = Channel.CreateBounded<ChangesSince>(new BoundedChannelOptions(4)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            _listeners.Add(channel);
            if (_listeners.Count == 1) _someoneListens.Release();
        }
        return (channel.Reader, new Unsubscribe(this, channel));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long? seen = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (ListenerCount == 0)
            {
                await _someoneListens.WaitAsync(stoppingToken);
                seen = null;
            }
            try
            {
                var feed = grains.GetGrain<IChangeFeedGrain>(ChangeFeed.Key);
                if (seen is not { } version) seen = await feed.Version();
                else if (await feed.Since(version) is { } changes)
                {
                    seen = changes.Version;
                    Broadcast(changes);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // A silo shutting down or a grain moving: try again on the next tick.
                logger.LogWarning("Change feed poll failed: {Error}", e.Message);
            }
            await Task.Delay(PollInterval, stoppingToken);
        }
    }

    private int ListenerCount
    {
        get { lock (_gate) return _listeners.Count; }
    }

    private void Broadcast(ChangesSince changes)
    {
        lock (_gate)
            foreach (var listener in _listeners) listener.Writer.TryWrite(changes);
    }

    private sealed class Unsubscribe(LiveChanges owner, Channel<ChangesSince> channel) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate) owner._listeners.Remove(channel);
            channel.Writer.TryComplete();
        }
    }
}
