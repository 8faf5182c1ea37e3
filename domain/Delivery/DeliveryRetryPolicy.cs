namespace QmInsights.Domain.Delivery;

/// <summary>How often a failing delivery is tried and how long to wait between tries: the wait doubles from
/// <see cref="FirstDelay"/> (capped at <see cref="MaxDelay"/>), so a mail server that is down for an hour is not
/// hammered, and after <see cref="MaxAttempts"/> attempts the delivery is given up (logged as failed).</summary>
public sealed record DeliveryRetryPolicy(int MaxAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    /// <summary>Five attempts, 1, 2, 4 and 8 minutes apart.</summary>
    public static readonly DeliveryRetryPolicy Default = new(5, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));

    /// <summary>The delivery with attempt number Attempts + 1 started at <paramref name="now"/>: written down before the
    /// message is handed to the server.</summary>
    public PackDelivery Started(PackDelivery delivery, DateTimeOffset now) => delivery with
    {
        Status = DeliveryStatus.Pending,
        Attempts = delivery.Attempts + 1,
        LastAttemptAt = now,
        NextAttemptAt = null,
        // Why the attempt before has no outcome, kept until this one has its own.
        LastError = delivery.Interrupted ? $"attempt {delivery.Attempts} was interrupted (the silo stopped while sending); sent again with the same message id" : delivery.LastError,
    };

    /// <summary>The server accepted the message.</summary>
    public static PackDelivery Succeeded(PackDelivery delivery, DateTimeOffset now) =>
        delivery with { Status = DeliveryStatus.Sent, SentAt = now, NextAttemptAt = null };

    /// <summary>The attempt failed with <paramref name="error"/>: retried after the back-off, or given up when the failure
    /// is <paramref name="permanent"/> (the server refused the message for good) or the attempts are used up.</summary>
    public PackDelivery Failed(PackDelivery delivery, string error, bool permanent, DateTimeOffset now) =>
        permanent || delivery.Attempts >= MaxAttempts
            ? delivery with { Status = DeliveryStatus.Failed, LastError = error, NextAttemptAt = null }
            : delivery with { Status = DeliveryStatus.Pending, LastError = error, NextAttemptAt = now + Delay(delivery.Attempts) };

    /// <summary>The wait after failed attempt number <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan Delay(int attempt) =>
        TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstDelay.Ticks * (1L << Math.Min(attempt - 1, 30))));

    /// <summary>True when the scheduled run should try <paramref name="delivery"/> at <paramref name="now"/>: pending
    /// and due (an interrupted attempt at once). Sent ones never; failed ones only when someone sends by hand.</summary>
    public static bool Due(PackDelivery delivery, DateTimeOffset now) =>
        delivery.Status == DeliveryStatus.Pending && (delivery.NextAttemptAt is null || delivery.NextAttemptAt <= now);
}
