using System.Threading.Channels;
using QmInsights.Domain.Live;
using QmInsights.Grains.Interfaces;

namespace QmInsights.Silo.Live;

/// <summary>This silo's side of the change feed: while at least one browser listens, poll the feed grain once a
/// second and hand each listener what changed, coalesced. Polling keeps a burst of batches to one message a second
/// per browser whatever the import rate, and one grain call a second per silo whatever the number of browsers.</summary>
/// <remarks>Each caller may hold at most <c>Live:MaxStreamsPerCaller</c> streams (default 8); the roster the streams
/// filter by is fetched once per change, not once per stream; a stream whose token is revoked or expires is ended
/// within a poll interval.</remarks>
public sealed class LiveChanges(IGrainFactory grains, ILogger<LiveChanges> logger, IConfiguration configuration) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>Streams one caller (one token; the admin token and open mode count as one caller each) may hold at once.</summary>
    public int MaxStreamsPerCaller { get; } = configuration.GetValue("Live:MaxStreamsPerCaller", 8);

    private readonly Lock _gate = new();
    private readonly List<Listener> _listeners = [];
    private readonly SemaphoreSlim _someoneListens = new(0);
    private (long Version, Task<Dictionary<string, string>> TeamOf)? _roster;

    /// <summary>A listener's queue of changes, a token cancelled when the listener's token is revoked or expires, and
    /// the subscription to dispose to leave; null when <paramref name="callerKey"/> already holds
    /// <see cref="MaxStreamsPerCaller"/> streams. A slow listener keeps only the latest few messages: each is a hint
    /// to re-read, so dropping old ones loses nothing.</summary>
    public (ChannelReader<ChangesSince> Changes, CancellationToken Revoked, IDisposable Subscription)? Subscribe(string callerKey, string? tokenId)
    {
        var listener = new Listener(Channel.CreateBounded<ChangesSince>(new BoundedChannelOptions(4)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        }), callerKey, tokenId, new CancellationTokenSource());
        lock (_gate)
        {
            if (_listeners.Count(l => l.CallerKey == callerKey) >= MaxStreamsPerCaller) return null;
            _listeners.Add(listener);
            if (_listeners.Count == 1) _someoneListens.Release();
        }
        return (listener.Channel.Reader, listener.Revoked.Token, new Unsubscribe(this, listener));
    }

    /// <summary>Agent id to current team, read once per change version however many streams filter that change.</summary>
    public Task<Dictionary<string, string>> TeamsAt(long version)
    {
        lock (_gate)
        {
            if (_roster is { } cached && cached.Version == version) return cached.TeamOf;
            var teamOf = Roster();
            _roster = (version, teamOf);
            return teamOf;
        }
    }

    private async Task<Dictionary<string, string>> Roster() =>
        (await grains.GetGrain<IRosterDirectoryGrain>("roster").All()).ToDictionary(a => a.AgentId, a => a.TeamId, StringComparer.Ordinal);

    // Once a poll, while streams of issued tokens are open: end those whose token was revoked or has expired.
    private async Task EndRevoked()
    {
        List<Listener> withTokens;
        lock (_gate) withTokens = _listeners.Where(l => l.TokenId is not null).ToList();
        if (withTokens.Count == 0) return;
        var now = DateTimeOffset.UtcNow;
        var refused = (await grains.GetGrain<ITokenDirectoryGrain>("tokens").All())
            .Where(t => t.Refusal(now) is not null).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var listener in withTokens.Where(l => refused.Contains(l.TokenId!))) await listener.Revoked.CancelAsync();
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
                await EndRevoked();
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
            foreach (var listener in _listeners) listener.Channel.Writer.TryWrite(changes);
    }

    private sealed record Listener(Channel<ChangesSince> Channel, string CallerKey, string? TokenId, CancellationTokenSource Revoked);

    private sealed class Unsubscribe(LiveChanges owner, Listener listener) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate) owner._listeners.Remove(listener);
            listener.Channel.Writer.TryComplete();
            listener.Revoked.Dispose();
        }
    }
}
