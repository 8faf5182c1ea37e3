using QmInsights.Domain.Facts;
using QmInsights.Domain.Scorecards;

namespace QmInsights.Domain.Joins;

/// <summary>An evaluation with the score its scorecard version gave it.</summary>
[GenerateSerializer, Alias("qm.ScoredEvaluation")]
public sealed record ScoredEvaluation(Evaluation Evaluation, EvaluationScore Score);
