namespace QmInsights.Domain.Forecasting;

/// <summary>Finds the peaks a history shows without being told: days whose workload is at least
/// <see cref="Threshold"/> times the median of the same weekday over the eight weeks before (a median, so an earlier
/// peak day does not raise the norm), and not by chance: contacts at least 3 Poisson standard deviations above their
/// norm, or handle time at least 20% above its norm. Consecutive such days merge into runs.</summary>
public static class PeakDetector
{
    public const double Threshold = 1.25;
    private const int NormWeeks = 8;

    public static List<LearnedPeak> Find(TallySeries daily)
    {
        if (daily.Length != IntervalLength.Day) throw new ArgumentException("The series must be daily.", nameof(daily));
        var peaks = new List<LearnedPeak>();
        LearnedPeak? open = null;
        for (var i = NormWeeks * 7; i < daily.Count; i++)
        {
            var before = Enumerable.Range(1, NormWeeks).Select(k => i - 7 * k).ToList();
            var workloadNorm = Median(before.Select(j => daily.HandleSums[j]));
            var day = DateOnly.FromDateTime(daily.TimeAt(i));
            var volumeNorm = Median(before.Select(j => (double)daily.Counts[j]));
            var handleNorm = Median(before.Where(j => daily.Handled[j] > 0).Select(j => daily.MeanHandle(j)!.Value));
            var busier = workloadNorm > 0 && daily.HandleSums[i] >= Threshold * workloadNorm && (
                (daily.Counts[i] - volumeNorm) / Math.Sqrt(volumeNorm) >= 3 || daily.MeanHandle(i) >= 1.2 * handleNorm);
            if (busier)
            {
                var today = new LearnedPeak(day, day, daily.HandleSums[i] / workloadNorm, daily.Counts[i] / volumeNorm,
                    daily.MeanHandle(i)!.Value / handleNorm);
                open = open is null ? today
                    : open with { To = day, WorkloadRatio = Math.Max(open.WorkloadRatio, today.WorkloadRatio),
                        VolumeRatio = open.WorkloadRatio >= today.WorkloadRatio ? open.VolumeRatio : today.VolumeRatio,
                        HandleRatio = open.WorkloadRatio >= today.WorkloadRatio ? open.HandleRatio : today.HandleRatio };
                continue;
            }
            // A closed day (no workload, e.g. Sunday) inside a run does not end it.
            if (open is not null && daily.Counts[i] > 0)
            {
                peaks.Add(open);
                open = null;
            }
        }
        if (open is not null) peaks.Add(open);
        return peaks;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return 0;
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
