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
        var t = StudentT.InvCDF(0, 1, moments.Count - 1, 1 - (1 - confidence) / 2);
        var half = t * sd / Math.Sqrt(moments.Count);
        return [Math.Max(min, mean - half), Math.Min(max, mean + half)];
    }

    /// <summary>The smallest number of observations whose interval half-width, t(1-α/2, n-1) · s/√n, is at most
    /// <paramref name="margin"/> for a sample standard deviation <paramref name="sd"/>; null without an estimate of s.</summary>
    public static int? RequiredCount(double? sd, double margin, double confidence = 0.95)
    {
        if (sd is not { } s) return null;
        if (s == 0) return 2;
        for (var n = 2; n < 100_000; n++)
            if (StudentT.InvCDF(0, 1, n - 1, 1 - (1 - confidence) / 2) * s / Math.Sqrt(n) <= margin) return n;
        return null;
    }
}
