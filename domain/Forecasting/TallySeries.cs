using QmInsights.Domain.Staffing;

namespace QmInsights.Domain.Forecasting;

/// <summary>A regular series of interval tallies for one queue and channel, every interval present (empty ones as
/// zero). <see cref="Counts"/> is the offered volume (handled plus abandoned, short abandons left out); handle time is
/// the handled contacts'. Intervals are laid on a UTC grid; <see cref="Zone"/> is the centre's calendar, in which times
/// of week, days and "the same time last week" are meant (a daylight-saving change moves that by an hour of the grid).</summary>
public sealed class TallySeries
{
    public IntervalLength Length { get; }
    /// <summary>Start of the first interval, UTC.</summary>
    public DateTime Start { get; }
    /// <summary>Offered contacts per interval: handled plus abandoned.</summary>
    public long[] Counts { get; }
    /// <summary>Handled contacts per interval: the ones with a handle time.</summary>
    public long[] Handled { get; }
    public double[] HandleSums { get; }
    public double[] HandleSumsOfSquares { get; }
    /// <summary>Sums of after-call work seconds per interval (zero where the platform does not report it).</summary>
    public double[] AfterCallWorkSums { get; }
    /// <summary>Seconds waited by the offered contacts per interval.</summary>
    public double[] WaitSums { get; }
    /// <summary>The centre's time zone (UTC unless configured); a daily series is already in local days.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>A series of offered <paramref name="counts"/>; <paramref name="handled"/> defaults to all of them (no abandonment known).</summary>
    public TallySeries(IntervalLength length, DateTime start, long[] counts, double[] handleSums, double[] handleSumsOfSquares,
        TimeZoneInfo? zone = null, long[]? handled = null, double[]? afterCallWorkSums = null, double[]? waitSums = null)
    {
        if (counts.Length != handleSums.Length || counts.Length != handleSumsOfSquares.Length)
            throw new ArgumentException("counts and handle sums must have the same length.", nameof(counts));
        Length = length;
        Start = length.Floor(start);
        Counts = counts;
        Handled = handled ?? counts;
        HandleSums = handleSums;
        HandleSumsOfSquares = handleSumsOfSquares;
        AfterCallWorkSums = afterCallWorkSums ?? new double[counts.Length];
        WaitSums = waitSums ?? new double[counts.Length];
        Zone = length == IntervalLength.Day ? TimeZoneInfo.Utc : zone ?? TimeZoneInfo.Utc;
    }

    public int Count => Counts.Length;

    /// <summary>The first instant after the series.</summary>
    public DateTime End => TimeAt(Count);

    public DateTime TimeAt(int index) => Start + index * Length.Span();

    /// <summary>The first <paramref name="count"/> intervals: the history as it stood at an earlier origin.</summary>
    public TallySeries Take(int count) =>
        new(Length, Start, Counts[..count], HandleSums[..count], HandleSumsOfSquares[..count], Zone, Handled[..count],
            AfterCallWorkSums[..count], WaitSums[..count]);

    /// <summary>Mean after-call work seconds per handled contact over the last four weeks (the whole history if shorter):
    /// what staffing adds to each forecast contact's handle time.</summary>
    public double RecentAfterCallWorkPerContact()
    {
        var from = Math.Max(0, Count - 4 * Length.PerWeek());
        long contacts = 0;
        double seconds = 0;
        for (var i = from; i < Count; i++)
        {
            contacts += Handled[i];
            seconds += AfterCallWorkSums[i];
        }
        return contacts > 0 ? seconds / contacts : 0;
    }

    /// <summary>Mean caller patience over the last four weeks, from abandonments and the waits of every offered contact
    /// (<see cref="PatienceEstimate"/>); null when nobody abandoned.</summary>
    public PatienceEstimate? RecentPatience()
    {
        var from = Math.Max(0, Count - 4 * Length.PerWeek());
        long abandoned = 0;
        double waited = 0;
        for (var i = from; i < Count; i++)
        {
            abandoned += Counts[i] - Handled[i];
            waited += WaitSums[i];
        }
        return PatienceEstimate.Of(abandoned, waited);
    }

    /// <summary>Mean handle seconds of interval <paramref name="index"/>; null when nobody was handled.</summary>
    public double? MeanHandle(int index) => Handled[index] > 0 ? HandleSums[index] / Handled[index] : null;

    /// <summary>Standard deviation of handle seconds within interval <paramref name="index"/>; null below two contacts.</summary>
    public double? HandleStdDev(int index)
    {
        var n = Handled[index];
        if (n < 2) return null;
        var mean = HandleSums[index] / n;
        return Math.Sqrt(Math.Max(0, (HandleSumsOfSquares[index] - n * mean * mean) / (n - 1)));
    }

    /// <summary>Sums <paramref name="tallies"/> (any finer or equal interval, any order, duplicates of a start
    /// added up) into a series of <paramref name="length"/> from <paramref name="from"/> up to, not including,
    /// <paramref name="to"/>; tallies outside are ignored.</summary>
    public static TallySeries From(IEnumerable<IntervalTally> tallies, IntervalLength length, DateTime from, DateTime to,
        TimeZoneInfo? zone = null)
    {
        var start = length.Floor(from);
        var span = length.Span();
        var n = Math.Max(0, (int)Math.Ceiling((to - start) / span));
        var offered = new long[n];
        var handled = new long[n];
        var sums = new double[n];
        var squares = new double[n];
        var afterCallWork = new double[n];
        var waits = new double[n];
        foreach (var t in tallies)
        {
            var i = (int)Math.Floor((t.Start - start) / span);
            if (t.Start < start || i >= n) continue;
            offered[i] += t.Offered;
            handled[i] += t.Count;
            sums[i] += t.HandleSum;
            squares[i] += t.HandleSumOfSquares;
            afterCallWork[i] += t.AfterCallWorkSum;
            waits[i] += t.WaitSum;
        }
        return new TallySeries(length, start, offered, sums, squares, zone, handled, afterCallWork, waits);
    }
}
