using QmInsights.Domain.Periods;

namespace QmInsights.Domain.Forecasting;

/// <summary>The centre's calendar (<see cref="CentreCalendar"/>) laid over a series' UTC grid: the local time of each
/// interval and the interval at the same local time a week earlier, worked out once per interval. Across a
/// daylight-saving change that is 167 or 169 hours back, not 168, so the intraday profile stays put in local time.</summary>
internal sealed class SeriesCalendar
{
    private readonly DateTime start;
    private readonly TimeSpan span;
    private readonly CentreCalendar calendar;
    private readonly int[] weekBack;

    /// <summary>The calendar of <paramref name="series"/> extended by <paramref name="futureIntervals"/>.</summary>
    public SeriesCalendar(TallySeries series, int futureIntervals)
    {
        start = series.Start;
        span = series.Length.Span();
        calendar = new CentreCalendar(series.Zone);
        Period = series.Length.PerWeek();
        var n = series.Count + futureIntervals;
        weekBack = new int[n];
        for (var i = 0; i < n; i++)
            weekBack[i] = (int)Math.Floor((calendar.SameLocalTimeWeeksBefore(start + i * span, 1) - start) / span);
    }

    /// <summary>Intervals in a week.</summary>
    public int Period { get; }

    /// <summary>Start of interval <paramref name="index"/> in the centre's local time.</summary>
    public DateTime Local(int index) => calendar.LocalTime(start + index * span);

    /// <summary>The interval at the same local time <paramref name="weeks"/> weeks before <paramref name="index"/>; negative
    /// when that lies before the series.</summary>
    public int WeeksBack(int index, int weeks)
    {
        for (var k = 0; k < weeks && index >= 0; k++) index = index < weekBack.Length ? weekBack[index] : index - Period;
        return index;
    }
}
