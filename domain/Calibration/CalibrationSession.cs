using System.Collections.Immutable;

namespace QmInsights.Domain.Calibration;

/// <summary>A calibration session: every invited evaluator scores the same recorded interactions (kind
/// "calibration"), so differences can be discussed item by item. The expert's scores, if any, are the reference.</summary>
[GenerateSerializer, Alias("qm.CalibrationSession")]
public sealed record CalibrationSession(
    string SessionId,
    string ScorecardId,
    ImmutableArray<string> InteractionIds,
    ImmutableArray<string> EvaluatorIds,
    string? ExpertId,
    DateTimeOffset? ClosedAt)
{
    public bool Closed => ClosedAt is not null;

    public bool Equals(CalibrationSession? other) =>
        other is not null && SessionId == other.SessionId && ScorecardId == other.ScorecardId && ExpertId == other.ExpertId
        && ClosedAt == other.ClosedAt && InteractionIds.SequenceEqual(other.InteractionIds) && EvaluatorIds.SequenceEqual(other.EvaluatorIds);

    public override int GetHashCode() => HashCode.Combine(SessionId, ScorecardId, InteractionIds.Length, EvaluatorIds.Length);
}
