using QmInsights.Domain.Periods;

namespace QmInsights.Tests.Forecasting;

public sealed class DayVersionsTests
{
    private static DateTimeOffset At(int month, int day, int hour = 10) => new(2025, month, day, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_later_day_leaves_the_version_up_to_a_day_alone_and_an_earlier_day_or_a_reload_changes_it()
    {
        var days = new DayVersions();
        Assert.Equal(0, days.Through(new DateOnly(2025, 10, 31), CentreCalendar.Utc));
        days.Changed(At(10, 15));
        var october = days.Through(new DateOnly(2025, 10, 31), CentreCalendar.Utc);
        Assert.NotEqual(0, october);

        days.Changed(At(11, 20));
        Assert.Equal(october, days.Through(new DateOnly(2025, 10, 31), CentreCalendar.Utc));

        days.Changed(At(9, 3));
        var afterSeptember = days.Through(new DateOnly(2025, 10, 31), CentreCalendar.Utc);
        Assert.NotEqual(october, afterSeptember);

        days.ChangedAll();
        Assert.NotEqual(afterSeptember, days.Through(new DateOnly(2025, 10, 31), CentreCalendar.Utc));
        Assert.Equal(days.Through(new DateOnly(2025, 10, 31), CentreCalendar.Utc), days.Through(new DateOnly(2025, 1, 1), CentreCalendar.Utc));
    }

    [Fact]
    public void West_of_utc_the_first_utc_day_after_a_month_still_holds_its_last_local_evening()
    {
        var newYork = CentreCalendar.Of("America/New_York");
        var oslo = CentreCalendar.Of("Europe/Oslo");
        var october = new DateOnly(2025, 10, 31);
        var days = new DayVersions();
        var (inNewYork, inOslo) = (days.Through(october, newYork), days.Through(october, oslo));
        // 1 November 03:00 UTC is still 31 October in New York, and already November in Oslo.
        days.Changed(At(11, 1, 3));
        Assert.NotEqual(inNewYork, days.Through(october, newYork));
        Assert.Equal(inOslo, days.Through(october, oslo));
        inNewYork = days.Through(october, newYork);
        // 2 November is November in New York too.
        days.Changed(At(11, 2, 12));
        Assert.Equal(inNewYork, days.Through(october, newYork));
    }
}
