using QmInsights.Domain.Forecasting;

namespace QmInsights.Tests.Forecasting;

public sealed class PeakDetectorTests
{
    // The simulator plants one peak: December, 40% more contacts at 8% shorter handle time (about 1.29x the workload);
    // the ratios are of the run's busiest day, a Saturday perhaps, whose small counts swing more.
    [Theory]
    [InlineData(42)]
    [InlineData(7)]
    public void The_planted_December_peak_is_found_in_the_history_with_at_most_one_stray_day_before_it(int seed)
    {
        var daily = DemoHistory.Series(DemoHistory.Interactions(seed), IntervalLength.Day);

        var peaks = PeakDetector.Find(daily);

        // Hires joining during the period make volume grow, so a single busy day can pass the test by chance.
        var stray = peaks.Where(p => p.From.Month != 12).ToList();
        Assert.True(stray.Count <= 1 && stray.All(p => p.From == p.To), string.Join("; ", stray));
        var first = peaks.First(p => p.From.Month == 12);
        Assert.InRange(first.From.Day, 1, 3);
        Assert.InRange(first.VolumeRatio, 1.2, 2.0);
        Assert.InRange(first.HandleRatio, 0.8, 1.02);
    }
}
