using QmInsights.Domain.Periods;

namespace QmInsights.Tests.Forecasting;

public sealed class DayVersionsTests
{
    private static DateTimeOffset At(int month, int day, int hour = 10) => new(2025, month, day, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_later_day_leaves_the_version_up_to_a_day_alone_and_an_earlier_day_or_a_reload_changes_it()
    {
        var days = new DayVersions();
        Assert.Equal(0, days.Through(new DateOnly(2025, 10, 31)));
        days.Changed(At(10, 15));
        var october = days.Through(new DateOnly(2025, 10, 31));
        Assert.NotEqual(0, october);

        days.Changed(At(11, 20));
        Assert.Equal(october, days.Through(new DateOnly(2025, 10, 31)));

        days.Changed(At(9, 3));
        var afterSeptember = days.Through(new DateOnly(2025, 10, 31));
        Assert.NotEqual(october, afterSeptember);

        days.ChangedAll();
        Assert.NotEqual(afterSeptember, days.Through(new DateOnly(2025, 10, 31)));
        Assert.Equal(days.Through(new DateOnly(2025, 10, 31)), days.Through(new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void A_contact_on_the_first_utc_day_after_a_month_counts_for_it_since_it_may_be_the_month_s_last_local_day()
    {
        var days = new DayVersions();
        var before = days.Through(new DateOnly(2025, 10, 31));
        // 1 November 03:00 UTC is still 31 October in New York.
        days.Changed(At(11, 1, 3));
        var withFirst = days.Through(new DateOnly(2025, 10, 31));
        Assert.NotEqual(before, withFirst);
        // The second UTC day after it is November everywhere.
        days.Changed(At(11, 2, 12));
        Assert.Equal(withFirst, days.Through(new DateOnly(2025, 10, 31)));
    }
}
