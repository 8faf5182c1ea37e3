namespace QmInsights.Domain.Live;

/// <summary>A bounded, numbered log of which aggregates new data changed. Readers poll with the last version they saw
/// and get everything since coalesced into one change, so a large import costs a browser one message per poll, not one
/// per batch. A reader that fell further behind than the log keeps is told to reload everything. <paramref name="start"/>
/// is the version before the first change: a log that starts above every version of its earlier life tells a reader
/// from that life to reload, however many changes the new life has recorded since.</summary>
public sealed class ChangeLog(int capacity = 512, long start = 0)
{
    private readonly Queue<(long Version, DataChange Change)> _entries = new();

    /// <summary>The version before this log's first change.</summary>
    public long Start { get; } = start;

    /// <summary>The version of the latest change (<c>start</c> before any).</summary>
    public long Version { get; private set; } = start;

    /// <summary>Records a change and returns its version. Empty changes are not recorded.</summary>
    public long Append(DataChange change)
    {
        if (change.IsEmpty) return Version;
        _entries.Enqueue((++Version, change));
        while (_entries.Count > capacity) _entries.Dequeue();
        return Version;
    }

    /// <summary>Everything after <paramref name="version"/> as one change (null when nothing changed since).</summary>
    public ChangesSince? Since(long version)
    {
        if (version == Version) return null;
        var oldest = _entries.Count > 0 ? _entries.Peek().Version : Version + 1;
        // A reader from before the oldest kept entry, or from an earlier life of the log (a version ahead of it),
        // cannot be told precisely what changed.
        if (version < oldest - 1 || version > Version) return new ChangesSince(Version, DataChange.Empty, Reload: true);
        var merged = DataChange.Merge(_entries.Where(e => e.Version > version).Select(e => e.Change));
        return new ChangesSince(Version, merged, Reload: false);
    }
}
