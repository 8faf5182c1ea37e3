using QmInsights.Domain.Live;

namespace QmInsights.Grains.Interfaces;

/// <summary>Which aggregates new data changed, for live views: the ingest path publishes after each batch, every silo's
/// API polls it for its own browsers. A grain rather than an Orleans stream, so a burst of batches is coalesced into
/// one answer instead of queued. It also remembers every team and scorecard id it has seen. Key: "feed".</summary>
[Alias("qm.IChangeFeedGrain")]
public interface IChangeFeedGrain : IGrainWithStringKey
{
    Task Publish(DataChange change);

    /// <summary>Everything after <paramref name="version"/> coalesced, or null when nothing changed since.</summary>
    Task<ChangesSince?> Since(long version);

    /// <summary>The version of the latest change, where a new reader starts.</summary>
    Task<long> Version();

    /// <summary>The version before the first change of this activation: <see cref="Version"/> equals it until something
    /// changed since the feed (re)started.</summary>
    Task<long> Start();

    /// <summary>Every team and scorecard id that accepted data has named.</summary>
    Task<DataChange> Known();
}

/// <summary>The key of the one change feed.</summary>
public static class ChangeFeed
{
    public const string Key = "feed";
}
