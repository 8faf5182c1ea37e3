namespace QmInsights.Domain.Forecasting;

/// <summary>How the forecast did <paramref name="Horizon"/> weeks ahead, against seasonal-naive and the four-week mean from
/// the same origins, and how often its prediction intervals held the actuals of open hours.</summary>
/// <param name="Horizon">Weeks between origin and forecast week (1 = the week right after the origin).</param>
/// <param name="Volume">Model error on contacts, every interval.</param>
/// <param name="VolumeNaive">Seasonal-naive (same local time in the last known week) on the same intervals.</param>
/// <param name="VolumeFourWeekMean">Mean of the same local time over the last four known weeks.</param>
/// <param name="Handle">Model error on mean handle seconds, intervals with contacts, weighted by them.</param>
/// <param name="HandleNaive">Seasonal-naive handle time (the four-week mean where last week's hour had no contacts).</param>
/// <param name="HandleFourWeekMean">Four-week contact-weighted mean handle time.</param>
/// <param name="Coverage">Empirical coverage of the 80% and 95% intervals on open hours.</param>
public sealed record HorizonAccuracy(
    int Horizon,
    ErrorMetrics Volume,
    ErrorMetrics VolumeNaive,
    ErrorMetrics VolumeFourWeekMean,
    ErrorMetrics Handle,
    ErrorMetrics HandleNaive,
    ErrorMetrics HandleFourWeekMean,
    IntervalCoverage Coverage)
{
    /// <summary>The accuracy of one horizon's <paramref name="points"/>; the scales are the in-sample seasonal-naive MAEs (for MASE).</summary>
    public static HorizonAccuracy Of(int horizon, IReadOnlyList<BacktestPoint> points, double volumeScale, double handleScale)
    {
        List<(double, double, double)> VolumePairs(Func<BacktestPoint, double> predicted) =>
            points.Select(p => ((double)p.Contacts, predicted(p), 1.0)).ToList();
        var handled = points.Where(p => p.HandleSeconds is not null && p.MeanHandle is not null).ToList();
        List<(double, double, double)> HandlePairs(Func<BacktestPoint, double> predicted) =>
            handled.Select(p => (p.HandleSeconds!.Value, predicted(p), (double)p.Handled)).ToList();
        return new HorizonAccuracy(horizon,
            ErrorMetrics.Of(VolumePairs(p => p.PredictedVolume), volumeScale),
            ErrorMetrics.Of(VolumePairs(p => p.NaiveVolume), volumeScale),
            ErrorMetrics.Of(VolumePairs(p => p.MeanVolume), volumeScale),
            ErrorMetrics.Of(HandlePairs(p => p.PredictedHandle), handleScale),
            ErrorMetrics.Of(HandlePairs(p => p.NaiveHandle ?? p.MeanHandle!.Value), handleScale),
            ErrorMetrics.Of(HandlePairs(p => p.MeanHandle!.Value), handleScale),
            IntervalCoverage.Of(points));
    }

    /// <summary>How much lower the model's volume WAPE is than the better of the two baselines', in percent of it.</summary>
    public double VolumeWapeImprovementPercent => Volume.WapeImprovementOver(VolumeNaive.Wape <= VolumeFourWeekMean.Wape ? VolumeNaive : VolumeFourWeekMean);

    /// <summary>How much lower the model's handle-time WAPE is than the better of the two baselines', in percent of it.</summary>
    public double HandleWapeImprovementPercent => Handle.WapeImprovementOver(HandleNaive.Wape <= HandleFourWeekMean.Wape ? HandleNaive : HandleFourWeekMean);
}
