namespace QmInsights.Domain.Statistics.Reliability;

/// <summary>How far one rater's total scores sit from the other raters' and, when there is one, from the expert's.</summary>
/// <param name="Rater">The rater's row in the input matrix.</param>
/// <param name="FromConsensus">Rater minus the mean of the other raters on the same unit (leave-one-out).</param>
/// <param name="FromExpert">Rater minus the expert on the same unit; null when no expert was given.</param>
public sealed record RaterDeviation(int Rater, DeviationSummary FromConsensus, DeviationSummary? FromExpert);
