namespace QmInsights.Grains.Interfaces;

/// <summary>The changes one committed batch makes to one aggregate; <see cref="BatchId"/> is null in embedded mode.</summary>
[GenerateSerializer, Alias("qm.BatchChange`1")]
public sealed record BatchChange<TChanges>(long? BatchId, TChanges Changes);
