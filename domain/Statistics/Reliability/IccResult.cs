namespace QmInsights.Domain.Statistics.Reliability;

/// <summary>The six intraclass correlations of Shrout and Fleiss (1979) with the mean squares they come from.</summary>
/// <param name="MeanSquares">The ANOVA mean squares.</param>
/// <param name="Icc11">ICC(1,1): each target rated by different random judges; one judge's reliability.</param>
/// <param name="Icc21">ICC(2,1): random judges rate every target, absolute agreement; one judge.</param>
/// <param name="Icc31">ICC(3,1): these fixed judges rate every target, consistency; one judge.</param>
/// <param name="Icc1K">ICC(1,k): as ICC(1,1) for the mean of k judges.</param>
/// <param name="Icc2K">ICC(2,k): as ICC(2,1) for the mean of k judges.</param>
/// <param name="Icc3K">ICC(3,k): as ICC(3,1) for the mean of k judges.</param>
public sealed record IccResult(
    IccMeanSquares MeanSquares,
    IccEstimate Icc11,
    IccEstimate Icc21,
    IccEstimate Icc31,
    IccEstimate Icc1K,
    IccEstimate Icc2K,
    IccEstimate Icc3K);
