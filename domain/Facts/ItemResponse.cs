namespace QmInsights.Domain.Facts;

/// <summary>One answer of an evaluation: which item, and what the evaluator said.</summary>
[GenerateSerializer, Alias("qm.ItemResponse")]
public readonly record struct ItemResponse(string ItemId, ItemAnswer Answer);
