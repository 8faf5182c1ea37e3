using System.Security.Cryptography;
using System.Text;

namespace QmInsights.Domain.Delivery;

/// <summary>The delivery log's line for one month and one subscription: what was sent where, how many attempts it took,
/// the last error and the message id. The attempt is written down before the message leaves, so a silo that stops
/// mid-send leaves a pending line whose retry carries the same <see cref="MessageId"/>.</summary>
/// <param name="Scope">"centre" or the team id, as the subscription said when the attempt started.</param>
/// <param name="NextAttemptAt">When a failed attempt is retried (null: at once, or never once sent or failed).</param>
[GenerateSerializer, Alias("qm.PackDelivery")]
public sealed record PackDelivery(
    [property: Id(0)] string Month,
    [property: Id(1)] string SubscriptionId,
    [property: Id(2)] string Email,
    [property: Id(3)] string Scope,
    [property: Id(4)] string Role,
    [property: Id(5)] DeliveryStatus Status,
    [property: Id(6)] int Attempts,
    [property: Id(7)] DateTimeOffset? LastAttemptAt,
    [property: Id(8)] DateTimeOffset? NextAttemptAt,
    [property: Id(9)] DateTimeOffset? SentAt,
    [property: Id(10)] string? LastError,
    [property: Id(11)] string MessageId)
{
    /// <summary>True when a pending attempt was started and nothing was recorded after it: the silo stopped while sending.</summary>
    public bool Interrupted => Status == DeliveryStatus.Pending && Attempts > 0 && NextAttemptAt is null;

    /// <summary>The message id for <paramref name="month"/> and <paramref name="subscriptionId"/>: always the same, so a
    /// message resent after an interrupted attempt is recognisable as the same message (RFC 5322 section 3.6.4).</summary>
    public static string MessageIdFor(string month, string subscriptionId, string domain)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subscriptionId)))[..16];
        return $"qm-pack.{month}.{hash}@{domain}";
    }
}
