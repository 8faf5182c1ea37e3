using MathNet.Numerics.Distributions;

namespace QmInsights.Domain.Statistics.Reliability;

/// <summary>The mean of a rater's score differences with a Student-t confidence interval for it.</summary>
/// <param name="Count">How many differences (units) the mean is over.</param>
/// <param name="Mean">The mean difference; null without any unit.</param>
/// <param name="Lower">The lower confidence limit; null below two units.</param>
/// <param name="Upper">The upper confidence limit; null below two units.</param>
public sealed record DeviationSummary(int Count, double? Mean, double? Lower, double? Upper)
{
    /// <summary>Summarises differences with a two-sided t-interval (n - 1 df) at <paramref name="confidence"/>.</summary>
    public static DeviationSummary Of(IReadOnlyList<double> differences, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(differences);
        if (confidence is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(confidence));
        var n = differences.Count;
        if (n == 0) return new DeviationSummary(0, null, null, null);
        var mean = differences.Average();
        if (n == 1) return new DeviationSummary(1, mean, null, null);
        // Two passes: differences are small numbers, but the sample is small too, so accuracy costs nothing.
        var variance = differences.Sum(d => (d - mean) * (d - mean)) / (n - 1);
        var half = StudentT.InvCDF(0, 1, n - 1, 1 - (1 - confidence) / 2) * Math.Sqrt(variance / n);
        return new DeviationSummary(n, mean, mean - half, mean + half);
    }
}
