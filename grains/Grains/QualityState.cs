using QmInsights.Domain.Aggregates;

namespace QmInsights.Grains.Grains;

/// <summary>Persisted tallies of an agent or team.</summary>
[GenerateSerializer, Alias("qm.QualityState")]
public sealed class QualityState
{
    [Id(0)] public TallyMap<TallyBucket, QualityTally> Tallies { get; set; } = new();
}
