namespace QmInsights.Domain.Joins;

/// <summary>The evaluations of one shard row, kept apart from its <see cref="ContactRow"/> because few contacts are
/// evaluated: the current revision of each, and the revisions they replaced.</summary>
[GenerateSerializer, Alias("qm.RowEvaluations")]
public sealed record RowEvaluations(
    [property: Id(0)] ScoredEvaluation[] Current,
    [property: Id(1)] ScoredEvaluation[] Replaced);
