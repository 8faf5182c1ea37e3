using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Queues;

/// <summary>Additive counts of one queue in one interval: what the shards send instead of the contacts.</summary>
[GenerateSerializer, Alias("qm.QueueTally")]
public readonly record struct QueueTally(
    long Handled,
    long Abandoned,
    long ShortAbandoned,
    long AnsweredInTime,
    long AnsweredWithWait,
    double AnsweredWaitSum,
    double HandleSum)
{
    /// <summary>The counts one contact adds under <paramref name="thresholds"/>.</summary>
    public static QueueTally Of(Interaction contact, QueueThresholds thresholds) =>
        contact.OutcomeWith(thresholds.ShortAbandonSeconds) switch
        {
            ContactOutcome.Handled => new QueueTally(1, 0, 0,
                // A handled contact without a recorded wait was answered at once.
                (contact.WaitSeconds ?? 0) <= thresholds.ServiceLevelSeconds ? 1 : 0,
                contact.WaitSeconds is null ? 0 : 1, contact.WaitSeconds ?? 0, contact.HandleSeconds),
            ContactOutcome.Abandoned => new QueueTally(0, 1, 0, 0, 0, 0, 0),
            _ => new QueueTally(0, 0, 1, 0, 0, 0, 0),
        };

    /// <summary>The sum of two tallies.</summary>
    public static QueueTally operator +(QueueTally a, QueueTally b) => new(a.Handled + b.Handled, a.Abandoned + b.Abandoned,
        a.ShortAbandoned + b.ShortAbandoned, a.AnsweredInTime + b.AnsweredInTime, a.AnsweredWithWait + b.AnsweredWithWait,
        a.AnsweredWaitSum + b.AnsweredWaitSum, a.HandleSum + b.HandleSum);
}
