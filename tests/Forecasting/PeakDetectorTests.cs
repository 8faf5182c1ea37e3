using QmInsights.Domain.Forecasting;

namespace QmInsights.Tests.Forecasting;

public sealed class PeakDetectorTests
{
    // The simulator plants one peak: December, 40% more contacts at 8% shorter handle time (about 1.29x the workload).
    [Theory]
    [InlineData(42)]
    [InlineData(7)]
    public void The_planted_December_peak_is_found_in_the_history_and_nothing_before_it(int seed)
    {
        var daily = DemoHistory.Series(DemoHistory.Interactions(seed), IntervalLength.Day);

        var peaks = PeakDetector.Find(daily);

        Assert.NotEmpty(peaks);
        Assert.All(peaks, p => Assert.Equal(12, p.From.Month));
        var first = peaks[0];
        Assert.InRange(first.From.Day, 1, 3);
        Assert.InRange(first.VolumeRatio, 1.2, 1.7);
        Assert.InRange(first.HandleRatio, 0.8, 1.02);
    }
}
