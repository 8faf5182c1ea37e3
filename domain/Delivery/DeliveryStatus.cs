namespace QmInsights.Domain.Delivery;

/// <summary>Where one month's pack for one subscription stands. JSON names: pending, sent, failed.</summary>
[GenerateSerializer, Alias("qm.DeliveryStatus")]
public enum DeliveryStatus
{
    /// <summary>An attempt was started and has no outcome yet, or failed and waits for its retry.</summary>
    Pending = 0,
    /// <summary>The SMTP server accepted the message: never sent again.</summary>
    Sent = 1,
    /// <summary>Given up: the server refused the message for good, or every attempt failed. A manual send tries again.</summary>
    Failed = 2,
}
