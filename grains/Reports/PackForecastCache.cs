using QmInsights.Domain.Forecasting;
using QmInsights.Grains.Interfaces;
using QmInsights.Reports.Pack;

namespace QmInsights.Grains.Reports;

/// <summary>The next-peak outlook of recent months, each kept with the data version it was computed at and used only
/// while the data still has that version. Held by one silo's <see cref="PackForecast"/>; a restart starts empty.</summary>
public sealed class PackForecastCache
{
    /// <summary>Months kept: a year of monthly packs and their reruns, the oldest month dropped first.</summary>
    public const int Months = 24;

    private readonly Dictionary<PackMonth, Entry> _entries = new();

    /// <summary>What an outlook is computed from besides its month: every shard's version up to the month's end, in shard
    /// order, and the declared peaks.</summary>
    public sealed record Version(IReadOnlyList<ShardVersion> Shards, IReadOnlyList<PeakPeriod> Peaks)
    {
        /// <summary>True when both versions name the same shard versions and the same declared peaks.</summary>
        public bool Matches(Version other) => Shards.SequenceEqual(other.Shards) && Peaks.SequenceEqual(other.Peaks);
    }

    /// <summary>A kept outlook (its forecast null when the month had nothing to forecast).</summary>
    public sealed record Entry(Version Version, PeakForecast? Forecast);

    /// <summary>The month's outlook if it was computed at <paramref name="version"/>; null otherwise.</summary>
    public Entry? Find(PackMonth month, Version version)
    {
        lock (_entries) return _entries.GetValueOrDefault(month) is { } entry && entry.Version.Matches(version) ? entry : null;
    }

    /// <summary>Keeps the month's outlook computed at <paramref name="version"/>, replacing an older one.</summary>
    public void Keep(PackMonth month, Version version, PeakForecast? forecast)
    {
        lock (_entries)
        {
            _entries[month] = new Entry(version, forecast);
            if (_entries.Count > Months) _entries.Remove(_entries.Keys.MinBy(m => m.First));
        }
    }
}
