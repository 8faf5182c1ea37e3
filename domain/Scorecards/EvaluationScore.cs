namespace QmInsights.Domain.Scorecards;

/// <summary>The result of scoring one evaluation with the scorecard version it was made against.</summary>
/// <param name="Percent">Score in percent; null when nothing was possible (every item N/A and excluded).</param>
/// <param name="CriticalFailed">A critical item was answered "no", which sets the score to 0.</param>
/// <param name="TargetPercent">The version's target, kept with the score so "at or above target" is fixed at scoring time.</param>
[GenerateSerializer, Alias("qm.EvaluationScore")]
public sealed record EvaluationScore(
    double? Percent,
    bool CriticalFailed,
    double WeightedEarned,
    double WeightedPossible,
    int ScorecardVersion,
    double TargetPercent)
{
    public bool? AtTarget => Percent is { } p ? p >= TargetPercent : null;
}
