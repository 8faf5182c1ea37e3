namespace QmInsights.Domain.Joins;

/// <summary>A fact with its position in the submitted batch, so every outcome can be reported against it.</summary>
[GenerateSerializer, Alias("qm.Positioned`1")]
public readonly record struct Positioned<T>(int Position, T Fact);
