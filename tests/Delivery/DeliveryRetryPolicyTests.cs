using QmInsights.Domain.Delivery;

namespace QmInsights.Tests.Delivery;

public sealed class DeliveryRetryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 1, 0, 5, 0, TimeSpan.Zero);
    private static readonly DeliveryRetryPolicy Policy = new(4, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));

    private static PackDelivery Fresh() => new("2026-01", "sub", "a@centre.example", "centre", "executive", DeliveryStatus.Pending,
        0, null, null, null, null, PackDelivery.MessageIdFor("2026-01", "sub", "centre.example"));

    [Fact]
    public void The_wait_doubles_from_the_first_delay_up_to_the_cap()
    {
        Assert.Equal([1, 2, 4, 5, 5], Enumerable.Range(1, 5).Select(a => Policy.Delay(a).TotalMinutes));
    }

    [Fact]
    public void A_temporary_failure_waits_for_its_retry_and_the_last_allowed_attempt_gives_up()
    {
        var delivery = Fresh();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            delivery = Policy.Failed(Policy.Started(delivery, Now), "SMTP 451 try later", permanent: false, Now);
            Assert.Equal((DeliveryStatus.Pending, attempt), (delivery.Status, delivery.Attempts));
            Assert.False(DeliveryRetryPolicy.Due(delivery, Now + Policy.Delay(attempt) - TimeSpan.FromSeconds(1)));
            Assert.True(DeliveryRetryPolicy.Due(delivery, Now + Policy.Delay(attempt)));
        }
        delivery = Policy.Failed(Policy.Started(delivery, Now), "SMTP 451 try later", permanent: false, Now);
        Assert.Equal((DeliveryStatus.Failed, 4, "SMTP 451 try later"), (delivery.Status, delivery.Attempts, delivery.LastError));
        Assert.False(DeliveryRetryPolicy.Due(delivery, Now.AddDays(1)));
    }

    [Fact]
    public void A_permanent_refusal_gives_up_at_once_and_a_sent_delivery_is_never_due()
    {
        var refused = Policy.Failed(Policy.Started(Fresh(), Now), "SMTP 550 no such mailbox", permanent: true, Now);
        Assert.Equal((DeliveryStatus.Failed, 1), (refused.Status, refused.Attempts));
        var sent = DeliveryRetryPolicy.Succeeded(Policy.Started(Fresh(), Now), Now);
        Assert.Equal((DeliveryStatus.Sent, Now), (sent.Status, sent.SentAt));
        Assert.False(DeliveryRetryPolicy.Due(sent, Now.AddDays(30)));
    }

    [Fact]
    public void An_attempt_without_an_outcome_is_due_at_once_and_its_retry_keeps_the_message_id()
    {
        // What a silo that stopped mid-send leaves: the attempt written down, nothing after it.
        var interrupted = Policy.Started(Fresh(), Now);
        Assert.True(interrupted.Interrupted);
        Assert.True(DeliveryRetryPolicy.Due(interrupted, Now));
        var retry = Policy.Started(interrupted, Now.AddMinutes(3));
        Assert.Equal((2, interrupted.MessageId), (retry.Attempts, retry.MessageId));
        Assert.Contains("attempt 1 was interrupted", retry.LastError);
    }

    [Fact]
    public void The_message_id_depends_on_month_and_subscription_only()
    {
        var id = PackDelivery.MessageIdFor("2026-01", "sub", "centre.example");
        Assert.Equal(id, PackDelivery.MessageIdFor("2026-01", "sub", "centre.example"));
        Assert.NotEqual(id, PackDelivery.MessageIdFor("2026-02", "sub", "centre.example"));
        Assert.NotEqual(id, PackDelivery.MessageIdFor("2026-01", "other", "centre.example"));
        Assert.Matches(@"^qm-pack\.2026-01\.[0-9a-f]{16}@centre\.example$", id);
    }
}
