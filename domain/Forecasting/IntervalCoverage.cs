namespace QmInsights.Domain.Forecasting;

/// <summary>Share of open-hour actuals inside the forecast's prediction intervals. Each backtest week is checked against
/// intervals calibrated on the other weeks' residuals only, so the figure is out of sample; closed hours (trivially
/// covered by a band around zero) are left out.</summary>
/// <param name="OpenIntervals">Open intervals checked for volume.</param>
/// <param name="Volume80">Share of open intervals whose contacts fell inside the 80% interval.</param>
/// <param name="Volume95">The same for the 95% interval.</param>
/// <param name="HandleIntervals">Open intervals with contacts, checked for mean handle time.</param>
/// <param name="Handle80">Share of those whose mean handle time fell inside the 80% interval.</param>
/// <param name="Handle95">The same for the 95% interval.</param>
public sealed record IntervalCoverage(int OpenIntervals, double Volume80, double Volume95, int HandleIntervals, double Handle80, double Handle95)
{
    /// <summary>Leave-one-week-out coverage of one horizon's <paramref name="points"/>.</summary>
    public static IntervalCoverage Of(IReadOnlyList<BacktestPoint> points)
    {
        var open = points.Where(p => p.Open).ToList();
        if (open.Count == 0) return new IntervalCoverage(0, double.NaN, double.NaN, 0, double.NaN, double.NaN);
        var first = open.Min(p => p.Start);
        var weeks = open.GroupBy(p => (int)((p.Start - first).TotalDays / 7)).ToList();
        int volume = 0, v80 = 0, v95 = 0, handle = 0, h80 = 0, h95 = 0;
        foreach (var week in weeks)
        {
            var others = open.Where(p => (int)((p.Start - first).TotalDays / 7) != week.Key).ToList();
            // One week alone cannot calibrate itself: a single-week backtest reports no coverage rather than an in-sample one.
            if (others.Count == 0) continue;
            var bands = ResidualBands.Fit(others);
            foreach (var p in week)
            {
                var v = bands.Volume(p.PredictedVolume);
                volume++;
                if (v.Lower80 <= p.Contacts && p.Contacts <= v.Upper80) v80++;
                if (v.Lower95 <= p.Contacts && p.Contacts <= v.Upper95) v95++;
                if (p.HandleSeconds is not { } seconds) continue;
                var h = bands.Handle(p.PredictedHandle, p.PredictedVolume);
                handle++;
                if (h.Lower80 <= seconds && seconds <= h.Upper80) h80++;
                if (h.Lower95 <= seconds && seconds <= h.Upper95) h95++;
            }
        }
        double Share(int hits, int of) => of > 0 ? hits / (double)of : double.NaN;
        return new IntervalCoverage(volume, Share(v80, volume), Share(v95, volume), handle, Share(h80, handle), Share(h95, handle));
    }
}
