namespace QmInsights.Domain.Aggregates;

/// <summary>One scorecard item of one version on one UTC day.</summary>
[GenerateSerializer, Alias("qm.ItemBucket")]
public readonly record struct ItemBucket(int Version, string ItemId, DateOnly Day);
