namespace QmInsights.Domain.Joins;

/// <summary>The outcome for the fact at <paramref name="Position"/> of a batch; <paramref name="Reason"/> says why
/// a conflict was rejected.</summary>
[GenerateSerializer, Alias("qm.FactOutcome")]
public readonly record struct FactOutcome(int Position, FactStatus Status, string? Reason);
