using MathNet.Numerics.Distributions;

namespace QmInsights.Domain.Statistics.Reliability;

/// <summary>Intraclass correlations and their F-based confidence intervals from Shrout and Fleiss (1979),
/// "Intraclass correlations: uses in assessing rater reliability", Psychological Bulletin 86(2).</summary>
public static class IntraclassCorrelation
{
    /// <summary>All six ICCs of a complete targets x judges matrix (rows targets, columns judges), with two-sided
    /// intervals at <paramref name="confidence"/>; throws on an incomplete matrix.</summary>
    public static IccResult Of(IReadOnlyList<IReadOnlyList<double>> targetsByJudges, double confidence = 0.95) =>
        Of(IccMeanSquares.Of(targetsByJudges), confidence);

    /// <summary>All six ICCs from already computed mean squares.</summary>
    public static IccResult Of(IccMeanSquares ms, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(ms);
        if (confidence is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(confidence));
        double n = ms.Targets, k = ms.Judges;
        var q = 1 - (1 - confidence) / 2;

        var icc11 = Ratio(ms.Bms - ms.Wms, ms.Bms + (k - 1) * ms.Wms);
        var icc21 = Ratio(ms.Bms - ms.Ems, ms.Bms + (k - 1) * ms.Ems + k * (ms.Jms - ms.Ems) / n);
        var icc31 = Ratio(ms.Bms - ms.Ems, ms.Bms + (k - 1) * ms.Ems);
        var icc1K = Ratio(ms.Bms - ms.Wms, ms.Bms);
        var icc2K = Ratio(ms.Bms - ms.Ems, ms.Bms + (ms.Jms - ms.Ems) / n);
        var icc3K = Ratio(ms.Bms - ms.Ems, ms.Bms);

        // Cases 1 and 3 invert the F ratio of targets over the matching error term (Shrout & Fleiss, eqs. 6-7 and 12-13).
        var f1 = FBounds(ms.Bms, ms.Wms, n - 1, n * (k - 1), q);
        var f3 = FBounds(ms.Bms, ms.Ems, n - 1, (n - 1) * (k - 1), q);
        var (l2, u2) = Case2Bounds(ms, icc21, q);

        return new IccResult(ms,
            new IccEstimate(icc11, Single(f1?.Lower, k), Single(f1?.Upper, k)),
            new IccEstimate(icc21, l2, u2),
            new IccEstimate(icc31, Single(f3?.Lower, k), Single(f3?.Upper, k)),
            new IccEstimate(icc1K, Average(f1?.Lower), Average(f1?.Upper)),
            // No exact interval exists for ICC(2,k): the ICC(2,1) limits are stepped up with Spearman-Brown.
            new IccEstimate(icc2K, SpearmanBrown(l2, k), SpearmanBrown(u2, k)),
            new IccEstimate(icc3K, Average(f3?.Lower), Average(f3?.Upper)));
    }

    private static double? Ratio(double numerator, double denominator) =>
        denominator > 0 ? numerator / denominator : null;

    private static (double Lower, double Upper)? FBounds(double ms, double errorMs, double df1, double df2, double q)
    {
        if (errorMs <= 0 || ms <= 0) return null;
        var f = ms / errorMs;
        return (f / FisherSnedecor.InvCDF(df1, df2, q), f * FisherSnedecor.InvCDF(df2, df1, q));
    }

    private static double? Single(double? f, double k) => f is { } x ? (x - 1) / (x + k - 1) : null;

    private static double? Average(double? f) => f is { } x ? 1 - 1 / x : null;

    private static double? SpearmanBrown(double? r, double k) => r is { } x ? k * x / (1 + (k - 1) * x) : null;

    // Satterthwaite's approximate degrees of freedom for the mixed error term (Shrout & Fleiss, eqs. 10-11).
    private static (double? Lower, double? Upper) Case2Bounds(IccMeanSquares ms, double? icc, double q)
    {
        if (icc is not { } rho || ms.Ems <= 0) return (null, null);
        double n = ms.Targets, k = ms.Judges;
        var fj = ms.Jms / ms.Ems;
        var a = n * (1 + (k - 1) * rho) - k * rho;
        var v = (k - 1) * (n - 1) * Math.Pow(k * rho * fj + a, 2)
                / ((n - 1) * k * k * rho * rho * fj * fj + a * a);
        if (!double.IsFinite(v) || v <= 0) return (null, null);
        var fStar = FisherSnedecor.InvCDF(n - 1, v, q);
        var fStarStar = FisherSnedecor.InvCDF(v, n - 1, q);
        var c = k * ms.Jms + (k * n - k - n) * ms.Ems;
        var lower = n * (ms.Bms - fStar * ms.Ems) / (fStar * c + n * ms.Bms);
        var upper = n * (fStarStar * ms.Bms - ms.Ems) / (c + n * fStarStar * ms.Bms);
        return (lower, upper);
    }
}
