using Orleans.Concurrency;
using QmInsights.Domain.Delivery;

namespace QmInsights.Grains.Interfaces;

/// <summary>Sends each subscriber the month's pack for their scope and role, once, and keeps the delivery log (grain state,
/// durable like the roster): the attempt is written before the message leaves, the outcome after, failures are retried
/// with back-off by a reminder. A single grain, so two runs never send the same line at once. Key: "deliveries".</summary>
[Alias("qm.IPackDeliveryGrain")]
public interface IPackDeliveryGrain : IGrainWithStringKey
{
    /// <summary>Sends <paramref name="month"/>'s pack (yyyy-MM) to every subscriber who has not received it. The scheduled run
    /// (<paramref name="byHand"/> false) leaves failed deliveries and retries not yet due alone; a send by hand tries them now.</summary>
    // Rendering every subscriber's pack takes minutes in a large centre: the call waits for it, past the default 30 s.
    [ResponseTimeout("00:30:00")]
    Task<List<DeliveryOutcome>> Send(string month, DateTimeOffset now, bool byHand);

    /// <summary>Tries every pending delivery whose retry is due at <paramref name="now"/>, of any month.</summary>
    [ResponseTimeout("00:30:00")]
    Task<List<DeliveryOutcome>> RetryDue(DateTimeOffset now);

    /// <summary>The delivery log, newest month first; one month's when <paramref name="month"/> is given.</summary>
    [AlwaysInterleave]
    Task<List<PackDelivery>> Log(string? month);
}
