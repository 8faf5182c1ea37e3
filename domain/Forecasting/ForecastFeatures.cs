namespace QmInsights.Domain.Forecasting;

/// <summary>The feature rows the models see: the centre's local calendar (time of week and day, day of month, month,
/// day of year, declared peaks, trend) and recent levels that lie at least a week back (volume at the same local time last
/// week, volume and handle time at the same local time over four weeks, the level of the week before; one hour's handle
/// time alone is mostly noise, so it is left out). Lags that would fall after the history are taken from the last known
/// week at the same local time instead, so a forecast weeks ahead rests on actuals only and never compounds its own
/// predictions (which, smoother than actuals, would also shift the features away from what the trees were trained on).</summary>
internal sealed class ForecastFeatures
{
    public static readonly string[] Names =
    [
        "timeOfWeek", "hourOfDay", "dayOfWeek", "dayOfMonth", "month", "dayOfYear", "trendDays", "peak", "holiday", "peakLastWeek",
        "volumeLastWeek", "volume4Weeks", "volumeWeekLevel", "handle4Weeks", "handleWeekLevel",
    ];

    /// <summary>Weeks of lags the first usable row needs.</summary>
    public const int LagWeeks = 4;

    /// <summary>Most weeks the volume reference averages where the history has them.</summary>
    public const int ReferenceWeeks = 8;

    private readonly PeakCalendar peaks;
    private readonly int period;
    private readonly int perHour;
    private readonly int knownCount;
    private readonly double[] volume;
    private readonly double[] handled;
    private readonly double[] handleSum;
    private readonly double fallbackHandle;
    // Rows of history intervals never change (their lags are history too): computed once, shared by every training.
    private readonly float[]?[] known;

    public ForecastFeatures(TallySeries history, PeakCalendar peaks, int futureIntervals)
    {
        this.peaks = peaks;
        Calendar = new SeriesCalendar(history, futureIntervals);
        period = Calendar.Period;
        perHour = Math.Max(1, period / 168);
        knownCount = history.Count;
        volume = history.Counts.Select(c => (double)c).ToArray();
        handled = history.Handled.Select(c => (double)c).ToArray();
        handleSum = history.HandleSums;
        var contacts = history.Handled.Sum();
        fallbackHandle = contacts > 0 ? history.HandleSums.Sum() / contacts : 300;
        known = new float[history.Count][];
    }

    public int Period => period;

    /// <summary>The first interval whose four weeks of local-time lags all lie in the series (a daylight-saving change
    /// can make four weeks back one hour more than four periods).</summary>
    public int FirstUsable => LagWeeks * period + 2 * perHour;

    /// <summary>The centre's local calendar over the series.</summary>
    public SeriesCalendar Calendar { get; }

    /// <summary>The interval at the same local time <paramref name="weeks"/> weeks before <paramref name="index"/>, moved further
    /// back a week at a time until it lies in the history.</summary>
    private int Back(int index, int weeks)
    {
        var j = Calendar.WeeksBack(index, weeks);
        while (j >= knownCount) j = Calendar.WeeksBack(j, 1);
        return j;
    }

    /// <summary>Mean contacts at the same local time over up to <see cref="ReferenceWeeks"/> known weeks, declared
    /// holidays left out: the baseline the volume model corrects. Eight weeks halve the sampling noise four weeks carry
    /// (the four-week mean is itself the strongest baseline), and a holiday's empty hours would pull it down for weeks.</summary>
    public double VolumeReference(int index)
    {
        double sum = 0;
        var n = 0;
        var j = index;
        for (var k = 1; k <= ReferenceWeeks; k++)
        {
            j = Back(j, 1);
            if (j < 0) break;
            if (peaks.On(DateOnly.FromDateTime(Calendar.Local(j))) == PeakKind.Holiday) continue;
            sum += volume[j];
            n++;
        }
        return n > 0 ? sum / n : Mean(volume, index, LagWeeks);
    }

    /// <summary>True when the same local time had no contact in each of the last four known weeks.</summary>
    public bool ClosedLately(int index) => Mean(volume, index, LagWeeks) == 0;

    /// <summary>Handle time over the week ending a week earlier (count-weighted), else over the history.</summary>
    public double HandleReference(int index) => WeekLevelHandle(index) ?? fallbackHandle;

    public float[] Row(int index) =>
        index < known.Length ? known[index] ??= Compute(index) : Compute(index);

    private float[] Compute(int index)
    {
        var local = Calendar.Local(index);
        var day = DateOnly.FromDateTime(local);
        var peak = peaks.On(day);
        var lastWeek = peaks.On(day.AddDays(-7));
        var weekAgo = Back(index, 1);
        return
        [
            period == 7 ? ((int)local.DayOfWeek + 6) % 7 : ((((int)local.DayOfWeek + 6) % 7) * 24 + local.Hour) * perHour + local.Minute / 15 % perHour,
            (float)local.TimeOfDay.TotalHours,
            (int)local.DayOfWeek,
            local.Day,
            local.Month,
            local.DayOfYear,
            (float)(index * 7.0 / period),
            peak is null ? 0 : 1,
            peak == PeakKind.Holiday ? 1 : 0,
            lastWeek is null ? 0 : 1,
            (float)volume[weekAgo],
            (float)Mean(volume, index, LagWeeks),
            (float)WeekLevelVolume(index),
            (float)(WeightedHandle(index, LagWeeks) ?? HandleReference(index)),
            (float)HandleReference(index),
        ];
    }

    private double Mean(double[] values, int index, int weeks)
    {
        var sum = 0.0;
        var j = index;
        for (var k = 1; k <= weeks; k++) sum += values[j = Back(j, 1)];
        return sum / weeks;
    }

    private double? WeightedHandle(int index, int weeks)
    {
        double n = 0, sum = 0;
        var j = index;
        for (var k = 1; k <= weeks; k++)
        {
            j = Back(j, 1);
            n += handled[j];
            sum += handleSum[j];
        }
        return n > 0 ? sum / n : null;
    }

    // The week ending at the same local time a week before the interval: the most recent level every row of a predicted
    // week can see.
    private double WeekLevelVolume(int index)
    {
        var end = Back(index, 1);
        var sum = 0.0;
        for (var j = end - period + 1; j <= end; j++) sum += volume[j];
        return sum / period;
    }

    private double? WeekLevelHandle(int index)
    {
        var end = Back(index, 1);
        double n = 0, sum = 0;
        for (var j = end - period + 1; j <= end; j++)
        {
            n += handled[j];
            sum += handleSum[j];
        }
        return n > 0 ? sum / n : null;
    }
}
