using QmInsights.Reports.Pack;

namespace QmInsights.Tests.Reports;

/// <summary>Which month training ahead watches, and when its data counts as quiet.</summary>
public sealed class TrainAheadRulesTests
{
    private static readonly DateTimeOffset December7 = new(2026, 12, 7, 14, 0, 0, TimeSpan.Zero);

    [Theory]
    // History imported up to the end of August, the clock in December: August is over by the clock.
    [InlineData("2026-08-31", "2026-08")]
    // Live contacts today: the month before is the latest over.
    [InlineData("2026-12-07", "2026-11")]
    // The latest contact is in November, now past: November.
    [InlineData("2026-11-30", "2026-11")]
    // A contact dated ahead of the clock (next month): the month before it counts as closed by that contact.
    [InlineData("2027-01-02", "2026-12")]
    public void The_month_watched_is_the_latest_with_contacts_that_is_over(string latestContact, string expected) =>
        Assert.Equal(expected, PackMonth.LatestClosed(DateOnly.Parse(latestContact), December7).ToString());

    [Fact]
    public void Data_counts_as_quiet_once_the_same_month_kept_the_same_version_for_the_quiet_period()
    {
        var watch = new QuietWatch<long>(TimeSpan.FromMinutes(10));
        var (august, september) = (new PackMonth(2026, 8), new PackMonth(2026, 9));
        var t = December7;
        Assert.False(watch.Settled(august, 1, t));
        Assert.False(watch.Settled(august, 1, t.AddMinutes(9)));
        Assert.True(watch.Settled(august, 1, t.AddMinutes(10)));
        Assert.Equal(t, watch.Since);
        // New data of the month: the wait starts again from that look.
        Assert.False(watch.Settled(august, 2, t.AddMinutes(11)));
        Assert.False(watch.Settled(august, 2, t.AddMinutes(20)));
        Assert.True(watch.Settled(august, 2, t.AddMinutes(21)));
        // Another month (the next one closed), even at an equal version: it waits on its own.
        Assert.False(watch.Settled(september, 2, t.AddMinutes(22)));
        Assert.Equal(t.AddMinutes(22), watch.Since);
        // A caller that knows nothing changed since an earlier look (a restarted cluster's first look): the wait counts from there.
        Assert.True(watch.Settled(august, 3, t.AddMinutes(40), unchangedSince: t.AddMinutes(30)));
        Assert.Equal(t.AddMinutes(30), watch.Since);
    }
}
