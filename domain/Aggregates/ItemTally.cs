namespace QmInsights.Domain.Aggregates;

/// <summary>How often an item was answered yes, no and N/A in regular evaluations.</summary>
[GenerateSerializer, Alias("qm.ItemTally")]
public sealed class ItemTally : IAdditive<ItemTally>
{
    [Id(0)] public long Yes;
    [Id(1)] public long No;
    [Id(2)] public long NotApplicable;

    public void Add(ItemTally other, int sign)
    {
        Yes += sign * other.Yes;
        No += sign * other.No;
        NotApplicable += sign * other.NotApplicable;
    }

    public bool IsEmpty => Yes == 0 && No == 0 && NotApplicable == 0;
}
