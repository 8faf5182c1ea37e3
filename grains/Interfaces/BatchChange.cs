namespace QmInsights.Grains.Interfaces;

/// <summary>The changes one committed batch makes to one aggregate; <see cref="BatchId"/> is null in embedded mode.</summary>
/// <remarks>Immutable for Orleans (passed by reference between grains on one silo, not deep-copied): the ingestor builds it
/// for one call and aggregates only read it.</remarks>
[GenerateSerializer, Immutable, Alias("qm.BatchChange`1")]
public sealed record BatchChange<TChanges>(long? BatchId, TChanges Changes);
