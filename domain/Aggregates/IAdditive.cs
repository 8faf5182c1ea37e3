namespace QmInsights.Domain.Aggregates;

/// <summary>A tally that merges by addition and retracts by subtraction.</summary>
public interface IAdditive<in T>
{
    void Add(T other, int sign);

    /// <summary>True when nothing is counted any more, so the bucket can be dropped.</summary>
    bool IsEmpty { get; }
}
