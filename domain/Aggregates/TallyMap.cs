namespace QmInsights.Domain.Aggregates;

/// <summary>Tallies by bucket. Buckets whose counts return to zero are dropped, so retracting a contribution
/// leaves the map as if it had never been added.</summary>
[GenerateSerializer, Alias("qm.TallyMap`2")]
public sealed class TallyMap<TBucket, TTally>
    where TBucket : notnull
    where TTally : class, IAdditive<TTally>, new()
{
    [Id(0)] public Dictionary<TBucket, TTally> Buckets { get; init; } = new();

    public void Add(TBucket bucket, TTally tally, int sign)
    {
        if (!Buckets.TryGetValue(bucket, out var existing))
        {
            existing = new TTally();
            Buckets[bucket] = existing;
        }
        existing.Add(tally, sign);
        if (existing.IsEmpty) Buckets.Remove(bucket);
    }

    public void Merge(TallyMap<TBucket, TTally> other, int sign = 1)
    {
        foreach (var (bucket, tally) in other.Buckets) Add(bucket, tally, sign);
    }

    public bool IsEmpty => Buckets.Count == 0;

    /// <summary>Drops the buckets <paramref name="drop"/> picks (tallies dated outside the plausible window).</summary>
    public void RemoveWhere(Func<TBucket, bool> drop)
    {
        foreach (var bucket in Buckets.Keys.Where(drop).ToList()) Buckets.Remove(bucket);
    }
}
