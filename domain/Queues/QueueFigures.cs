namespace QmInsights.Domain.Queues;

/// <summary>A queue's service figures for one interval (or a whole range).</summary>
/// <param name="IntervalStart">Start of the interval in the centre's time zone (null for a range total).</param>
/// <param name="Offered">Handled plus abandoned contacts (short abandons are not offered volume).</param>
/// <param name="Handled">Contacts an agent answered.</param>
/// <param name="Abandoned">Contacts given up in the queue after the short-abandon threshold.</param>
/// <param name="ShortAbandoned">Contacts given up before it (misdials, hang-ups at the greeting).</param>
/// <param name="AbandonRate">Abandoned / offered (0..1); null when nothing was offered.</param>
/// <param name="ServiceLevel">Answered within the service-level threshold / offered (0..1); null when nothing was offered.</param>
/// <param name="AsaSeconds">Average speed of answer: mean wait of the handled contacts with a recorded wait, to a tenth of a second.</param>
/// <param name="AhtSeconds">Mean handle time of the handled contacts, to a tenth of a second.</param>
public sealed record QueueFigures(
    DateTimeOffset? IntervalStart,
    long Offered,
    long Handled,
    long Abandoned,
    long ShortAbandoned,
    double? AbandonRate,
    double? ServiceLevel,
    double? AsaSeconds,
    double? AhtSeconds)
{
    /// <summary>The figures of <paramref name="t"/>.</summary>
    public static QueueFigures Of(DateTimeOffset? start, QueueTally t)
    {
        var offered = t.Handled + t.Abandoned;
        return new QueueFigures(start, offered, t.Handled, t.Abandoned, t.ShortAbandoned,
            offered > 0 ? (double)t.Abandoned / offered : null,
            offered > 0 ? (double)t.AnsweredInTime / offered : null,
            t.AnsweredWithWait > 0 ? Tenths(t.AnsweredWaitSum / t.AnsweredWithWait) : null,
            t.Handled > 0 ? Tenths(t.HandleSum / t.Handled) : null);
    }

    private static double Tenths(double seconds) => Math.Round(seconds, 1, MidpointRounding.AwayFromZero);
}
