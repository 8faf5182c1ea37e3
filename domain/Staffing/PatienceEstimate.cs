using MathNet.Numerics.Distributions;

namespace QmInsights.Domain.Staffing;

/// <summary>Mean caller patience estimated from a queue's abandonments and waits. Every caller's wait is either a patience
/// (they hung up) or a lower bound on it (they were answered first), so under exponential patience the maximum-likelihood
/// rate is abandonments / total waiting time of all callers: the estimator of Brown et al., "Statistical Analysis of a
/// Telephone Call Center: A Queueing-Science Perspective", JASA 100 (2005), section 6, and of Mandelbaum &amp; Zeltyn's
/// relation P(Ab) = θ·E[W]. The 95% interval is the exact chi-square one of a censored exponential (2·d·θ/θ̂ ~ χ²(2d)).</summary>
/// <param name="MeanSeconds">Estimated mean patience, total wait / abandonments.</param>
/// <param name="Lower95">Lower end of its 95% confidence interval.</param>
/// <param name="Upper95">Upper end of its 95% confidence interval.</param>
/// <param name="Abandoned">Callers who hung up while waiting.</param>
/// <param name="TotalWaitSeconds">Seconds waited by every caller, answered or not.</param>
public sealed record PatienceEstimate(double MeanSeconds, double Lower95, double Upper95, long Abandoned, double TotalWaitSeconds)
{
    /// <summary>The estimate from a count of abandonments and the total wait of all callers; null when nobody abandoned
    /// (patience is then longer than anything the data can show).</summary>
    public static PatienceEstimate? Of(long abandoned, double totalWaitSeconds)
    {
        if (abandoned < 0) throw new ArgumentOutOfRangeException(nameof(abandoned), abandoned, "abandoned: must be >= 0");
        if (!double.IsFinite(totalWaitSeconds) || totalWaitSeconds < 0)
            throw new ArgumentOutOfRangeException(nameof(totalWaitSeconds), totalWaitSeconds, "totalWaitSeconds: must be a finite number >= 0");
        if (abandoned == 0 || totalWaitSeconds == 0) return null;
        var twice = 2.0 * totalWaitSeconds;
        return new PatienceEstimate(totalWaitSeconds / abandoned,
            twice / ChiSquared.InvCDF(2.0 * abandoned, 0.975), twice / ChiSquared.InvCDF(2.0 * abandoned, 0.025), abandoned, totalWaitSeconds);
    }

    /// <summary>The estimate from individual callers' waits and whether each hung up.</summary>
    public static PatienceEstimate? Of(IEnumerable<(double WaitSeconds, bool Abandoned)> callers)
    {
        long abandoned = 0;
        double total = 0;
        foreach (var (wait, gone) in callers)
        {
            total += wait;
            if (gone) abandoned++;
        }
        return Of(abandoned, total);
    }
}
