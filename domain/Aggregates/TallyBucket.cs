using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Aggregates;

/// <summary>The finest grain aggregates are kept at: a UTC day and a channel. Weeks, months and any from/to range
/// are sums of days. <see cref="Channel"/> is null while an evaluation's interaction has not arrived yet.</summary>
[GenerateSerializer, Alias("qm.TallyBucket")]
public readonly record struct TallyBucket(DateOnly Day, Channel? Channel);
