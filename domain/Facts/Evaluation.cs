using System.Collections.Immutable;

namespace QmInsights.Domain.Facts;

/// <summary>One evaluator's scoring of one interaction against a scorecard. A later <see cref="Revision"/> under the
/// same <see cref="EvaluationId"/> replaces the earlier one everywhere (how disputes are settled).</summary>
/// <remarks><see cref="Answers"/> are kept sorted by item id so that two submissions of the same content compare equal.</remarks>
/// <param name="Selection">Why the contact was picked (random unless the source says otherwise).</param>
/// <param name="InclusionProbability">The chance the contact had of being picked, when the source knows it (0..1];
/// inference weights the evaluation by its inverse.</param>
[GenerateSerializer, Alias("qm.Evaluation")]
public sealed record Evaluation(
    string EvaluationId,
    string InteractionId,
    string AgentId,
    string EvaluatorId,
    string ScorecardId,
    int? ScorecardVersion,
    EvaluationKind Kind,
    DateTimeOffset EvaluatedAt,
    ImmutableArray<ItemResponse> Answers,
    string? Comment,
    int Revision,
    EvaluationSelection Selection = EvaluationSelection.Random,
    double? InclusionProbability = null)
{
    /// <summary>Builds an evaluation with its answers in canonical (ordinal item id) order.</summary>
    public static ImmutableArray<ItemResponse> Canonical(IEnumerable<ItemResponse> answers) =>
        answers.OrderBy(a => a.ItemId, StringComparer.Ordinal).ToImmutableArray();

    /// <summary>Value equality including the answers (records compare arrays by reference otherwise).</summary>
    public bool Equals(Evaluation? other) =>
        other is not null
        && EvaluationId == other.EvaluationId
        && InteractionId == other.InteractionId
        && AgentId == other.AgentId
        && EvaluatorId == other.EvaluatorId
        && ScorecardId == other.ScorecardId
        && ScorecardVersion == other.ScorecardVersion
        && Kind == other.Kind
        && EvaluatedAt == other.EvaluatedAt
        && Comment == other.Comment
        && Revision == other.Revision
        && Selection == other.Selection
        && InclusionProbability == other.InclusionProbability
        && Answers.AsSpan().SequenceEqual(other.Answers.AsSpan());

    public override int GetHashCode() => HashCode.Combine(EvaluationId, Revision, EvaluatedAt);
}
