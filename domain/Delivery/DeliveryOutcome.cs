namespace QmInsights.Domain.Delivery;

/// <summary>What a send run did for one subscription. JSON names: sent, skipped, failed.</summary>
[GenerateSerializer, Alias("qm.DeliveryResult")]
public enum DeliveryResult
{
    /// <summary>The server accepted the message in this run.</summary>
    Sent = 0,
    /// <summary>Nothing to send: already sent, no data in that scope, a retry not due yet, or given up.</summary>
    Skipped = 1,
    /// <summary>This run's attempt failed (the log line says whether it is retried).</summary>
    Failed = 2,
}

/// <summary>One subscription's line in the answer of a send run: the result, why (for skipped and failed), and the log line
/// as it stands afterwards (null when nothing was ever attempted, e.g. no data).</summary>
[GenerateSerializer, Alias("qm.DeliveryOutcome")]
public sealed record DeliveryOutcome(
    [property: Id(0)] string SubscriptionId,
    [property: Id(1)] string Email,
    [property: Id(2)] string Scope,
    [property: Id(3)] DeliveryResult Result,
    [property: Id(4)] string? Reason,
    [property: Id(5)] PackDelivery? Delivery);
