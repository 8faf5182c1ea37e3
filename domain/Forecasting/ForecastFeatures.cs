namespace QmInsights.Domain.Forecasting;

/// <summary>The feature rows the models see: calendar (time of week and day, month, day of year, declared peaks,
/// trend) and recent levels that lie at least a week back (volume at the same time last week, volume and handle time at
/// the same time over four weeks, the level of the week before; one hour's handle time alone is mostly noise, so
/// it is left out), so a whole week ahead can be predicted from known values at once.</summary>
internal sealed class ForecastFeatures
{
    public static readonly string[] Names =
    [
        "timeOfWeek", "hourOfDay", "dayOfWeek", "month", "dayOfYear", "trendDays", "peak", "holiday", "peakLastWeek",
        "volumeLastWeek", "volume4Weeks", "volumeWeekLevel", "handle4Weeks", "handleWeekLevel",
    ];

    /// <summary>Weeks of lags the first usable row needs.</summary>
    public const int LagWeeks = 4;

    private readonly IntervalLength length;
    private readonly DateTime start;
    private readonly PeakCalendar peaks;
    private readonly int period;
    // Working arrays: history, then predictions written into the future part.
    private readonly double[] volume;
    private readonly double[] handleSum;
    private readonly double fallbackHandle;
    // Rows of history intervals never change (their lags are history too): computed once, shared by every training.
    private readonly float[]?[] known;

    public ForecastFeatures(TallySeries history, PeakCalendar peaks, int futureIntervals)
    {
        length = history.Length;
        start = history.Start;
        this.peaks = peaks;
        period = length.PerWeek();
        var n = history.Count + futureIntervals;
        volume = new double[n];
        handleSum = new double[n];
        for (var i = 0; i < history.Count; i++)
        {
            volume[i] = history.Counts[i];
            handleSum[i] = history.HandleSums[i];
        }
        var contacts = history.Counts.Sum();
        fallbackHandle = contacts > 0 ? history.HandleSums.Sum() / contacts : 300;
        known = new float[history.Count][];
    }

    public int Period => period;

    /// <summary>Writes a prediction into the working arrays so that later weeks can use it as their lag.</summary>
    public void Fill(int index, double predictedVolume, double predictedHandle)
    {
        volume[index] = predictedVolume;
        handleSum[index] = predictedVolume * predictedHandle;
    }

    /// <summary>Mean contacts per interval over the week ending a week earlier: the level volume is expressed against.
    /// A whole week rather than the same hour, so the reference carries little of one hour's noise.</summary>
    public double VolumeReference(int index) => Math.Max(0.1, WeekLevelVolume(index));

    /// <summary>Handle time over the week ending a week earlier (count-weighted), else over the history.</summary>
    public double HandleReference(int index) => WeekLevelHandle(index) ?? fallbackHandle;

    public float[] Row(int index) =>
        index < known.Length ? known[index] ??= Compute(index) : Compute(index);

    private float[] Compute(int index)
    {
        var time = start + index * length.Span();
        var day = DateOnly.FromDateTime(time);
        var peak = peaks.On(day);
        var lastWeek = peaks.On(day.AddDays(-7));
        return
        [
            (index % period + PositionOfStart()) % period,
            (float)time.TimeOfDay.TotalHours,
            (int)time.DayOfWeek,
            time.Month,
            time.DayOfYear,
            (float)(time - start).TotalDays,
            peak is null ? 0 : 1,
            peak == PeakKind.Holiday ? 1 : 0,
            lastWeek is null ? 0 : 1,
            (float)volume[index - period],
            (float)Mean(volume, index, LagWeeks),
            (float)WeekLevelVolume(index),
            (float)(WeightedHandle(index, LagWeeks) ?? HandleReference(index)),
            (float)HandleReference(index),
        ];
    }

    // Position of the series' first interval in the week (Monday 00:00 UTC is 0), so timeOfWeek is the same at any start.
    private int PositionOfStart() =>
        (int)((start - start.Date.AddDays(-(((int)start.DayOfWeek + 6) % 7))) / length.Span());

    private double Mean(double[] values, int index, int weeks)
    {
        var sum = 0.0;
        for (var k = 1; k <= weeks; k++) sum += values[index - k * period];
        return sum / weeks;
    }

    private double? WeightedHandle(int index, int weeks)
    {
        double n = 0, sum = 0;
        for (var k = 1; k <= weeks; k++)
        {
            n += volume[index - k * period];
            sum += handleSum[index - k * period];
        }
        return n > 0 ? sum / n : null;
    }

    // The week ending a week before the interval: the most recent level every row of a predicted week can see.
    private double WeekLevelVolume(int index)
    {
        var sum = 0.0;
        for (var j = index - 2 * period + 1; j <= index - period; j++) sum += volume[j];
        return sum / period;
    }

    private double? WeekLevelHandle(int index)
    {
        double n = 0, sum = 0;
        for (var j = index - 2 * period + 1; j <= index - period; j++)
        {
            n += volume[j];
            sum += handleSum[j];
        }
        return n > 0 ? sum / n : null;
    }
}
