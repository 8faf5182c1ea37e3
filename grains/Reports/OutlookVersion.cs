using QmInsights.Domain.Forecasting;
using QmInsights.Grains.Interfaces;

namespace QmInsights.Grains.Reports;

/// <summary>What a month's next-peak outlook is computed from besides its month: every shard's version of the contacts up
/// to the month's end, in shard order, and the declared peaks. Equal versions mean the outlook would come out the same.</summary>
public sealed record OutlookVersion(IReadOnlyList<ShardVersion> Shards, IReadOnlyList<PeakPeriod> Peaks)
{
    /// <summary>True when both name the same shard versions and the same declared peaks.</summary>
    public bool Equals(OutlookVersion? other) =>
        other is not null && Shards.SequenceEqual(other.Shards) && Peaks.SequenceEqual(other.Peaks);

    public override int GetHashCode() => Shards.Aggregate(Peaks.Count, (hash, shard) => HashCode.Combine(hash, shard));
}
