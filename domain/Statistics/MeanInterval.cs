using MathNet.Numerics.Distributions;
using QmInsights.Domain.Aggregates;

namespace QmInsights.Domain.Statistics;

/// <summary>Student-t confidence interval for a mean: mean ± t(1-α/2, n-1) · s/√n.</summary>
public static class MeanInterval
{
    /// <summary>The two-sided interval at <paramref name="confidence"/>, clamped to [<paramref name="min"/>,
    /// <paramref name="max"/>] (a QA score cannot leave 0-100); null below two observations.</summary>
    public static double[]? Of(in ScoreMoments moments, double confidence = 0.95,
        double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        if (moments.Mean is not { } mean || moments.StandardDeviation is not { } sd) return null;
        var t = Quantile(moments.Count - 1, confidence);
        var half = t * sd / Math.Sqrt(moments.Count);
        return [Math.Max(min, mean - half), Math.Min(max, mean + half)];
    }

    /// <summary>The smallest number of observations whose interval half-width, t(1-α/2, n-1) · s/√n, is at most
    /// <paramref name="margin"/> for a sample standard deviation <paramref name="sd"/>; null without an estimate of s.</summary>
    public static int? RequiredCount(double? sd, double margin, double confidence = 0.95)
    {
        if (sd is not { } s) return null;
        if (s == 0) return 2;
        // t exceeds z, so the normal-theory count is a lower bound: start there (summaries compute this for every
        // period, and a search from 2 cost milliseconds per summary).
        var z = Normal.InvCDF(0, 1, 1 - (1 - confidence) / 2);
        var start = Math.Max(2, (int)Math.Floor(Math.Pow(z * s / margin, 2)));
        for (var n = start; n < 100_000; n++)
            if (Quantile(n - 1, confidence) * s / Math.Sqrt(n) <= margin) return n;
        return null;
    }

    // Summaries ask for the same few quantiles over and over (every period of every query): computed once each.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(long Df, double Confidence), double> Quantiles = new();

    private static double Quantile(long degreesOfFreedom, double confidence) =>
        Quantiles.GetOrAdd((degreesOfFreedom, confidence), key => StudentT.InvCDF(0, 1, key.Df, 1 - (1 - key.Confidence) / 2));
}
