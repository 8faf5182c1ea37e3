namespace QmInsights.Grains.Interfaces;

/// <summary>A shard's data version up to a day: the activation it comes from (a new activation starts a new count) and
/// the last change to contacts of that day or before. Equal versions mean the same rows up to that day.</summary>
[GenerateSerializer, Alias("qm.ShardVersion")]
public readonly record struct ShardVersion([property: Id(0)] Guid Activation, [property: Id(1)] long Change);
