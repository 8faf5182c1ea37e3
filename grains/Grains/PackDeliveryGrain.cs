using Microsoft.Extensions.Logging;
using QmInsights.Domain.Access;
using QmInsights.Domain.Delivery;
using QmInsights.Grains.Interfaces;
using QmInsights.Grains.Reports;
using QmInsights.Reports.Pack;

namespace QmInsights.Grains.Grains;

public sealed class PackDeliveryGrain(
    [PersistentState("packDeliveries", StorageNames.Definitions)] IPersistentState<PackDeliveryState> state,
    MonthlyPackService packs, PackMailer mailer, SmtpSettings settings, IAuditRecorder audit, TimeProvider clock, ILogger<PackDeliveryGrain> logger)
    : Grain, IPackDeliveryGrain, IRemindable
{
    private const string RetryReminder = "pack-delivery-retries";

    async Task<List<DeliveryOutcome>> IPackDeliveryGrain.Send(string month, DateTimeOffset now, bool byHand)
    {
        var outcomes = new List<DeliveryOutcome>();
        var run = new Run(Parse(month), now);
        foreach (var subscription in await Subscriptions().All())
        {
            var known = state.State.Log.GetValueOrDefault(Key(month, subscription.Id));
            outcomes.Add(known switch
            {
                { Status: DeliveryStatus.Sent } => Skipped(subscription, known, $"already sent at {known.SentAt:u}"),
                _ when byHand || known is null || DeliveryRetryPolicy.Due(known, now) => await Attempt(run, subscription, known, byHand),
                { Status: DeliveryStatus.Failed } => Skipped(subscription, known, $"given up after {known.Attempts} attempts: {known.LastError}"),
                _ => Skipped(subscription, known, $"retry due at {known.NextAttemptAt:u}"),
            });
        }
        await ScheduleRetries();
        return outcomes;
    }

    async Task<List<DeliveryOutcome>> IPackDeliveryGrain.RetryDue(DateTimeOffset now)
    {
        var subscriptions = (await Subscriptions().All()).ToDictionary(s => s.Id);
        var outcomes = new List<DeliveryOutcome>();
        foreach (var due in state.State.Log.Values.Where(d => DeliveryRetryPolicy.Due(d, now)).OrderBy(d => d.Month).ThenBy(d => d.SubscriptionId).ToList())
        {
            if (subscriptions.TryGetValue(due.SubscriptionId, out var subscription))
                outcomes.Add(await Attempt(new Run(Parse(due.Month), now), subscription, due, byHand: false));
            else
                await Record(due with { Status = DeliveryStatus.Failed, NextAttemptAt = null, LastError = "the subscription was removed before the retry" });
        }
        await ScheduleRetries();
        return outcomes;
    }

    Task<List<PackDelivery>> IPackDeliveryGrain.Log(string? month) =>
        Task.FromResult(state.State.Log.Values.Where(d => month is null || d.Month == month)
            .OrderByDescending(d => d.Month, StringComparer.Ordinal).ThenBy(d => d.SubscriptionId, StringComparer.Ordinal).ToList());

    public async Task ReceiveReminder(string reminderName, TickStatus status) => await ((IPackDeliveryGrain)this).RetryDue(clock.GetUtcNow());

    /// <summary>One attempt for one subscription: the pack for its scope and role, the intent written down, the message sent,
    /// the outcome written down.</summary>
    private async Task<DeliveryOutcome> Attempt(Run run, PackSubscription subscription, PackDelivery? known, bool byHand)
    {
        var month = run.Month.ToString();
        var pack = await run.Pack(packs, subscription);
        if (pack.Denial is not null) return Skipped(subscription, known, pack.Denial);
        if (pack.Pdf is not { } pdf) return Skipped(subscription, known, $"no contacts or evaluations in {month} for {subscription.Scope}");

        var delivery = (known ?? new PackDelivery(month, subscription.Id, subscription.Email, subscription.Scope, Roles.Name(subscription.Role),
            DeliveryStatus.Pending, 0, null, null, null, null, PackDelivery.MessageIdFor(month, subscription.Id, settings.Domain)))
            with { Email = subscription.Email, Scope = subscription.Scope, Role = Roles.Name(subscription.Role) };
        // By hand, a delivery given up gets a fresh set of attempts.
        if (byHand && delivery.Status == DeliveryStatus.Failed) delivery = delivery with { Attempts = 0 };
        if (delivery.Interrupted)
            logger.LogWarning("Pack {Month} for subscription {Subscription}: attempt {Attempt} has no outcome (the silo stopped while sending); sending again as {MessageId}",
                month, subscription.Id, delivery.Attempts, delivery.MessageId);
        delivery = settings.Retry.Started(delivery, run.Now);
        await Record(delivery);
        try
        {
            await mailer.Send(mailer.Compose(delivery, subscription.TeamId, pdf, pack.Highlights ?? [], run.Now));
        }
        catch (Exception e)
        {
            var (error, permanent) = PackMailer.Describe(e);
            delivery = settings.Retry.Failed(delivery, error, permanent, run.Now);
            await Record(delivery);
            await Audit(delivery, 0, $"failed: {error}");
            if (delivery.Status == DeliveryStatus.Failed)
                logger.LogError("Pack {Month} to {Subscription}: given up after attempt {Attempt}: {Error}", month, subscription.Id, delivery.Attempts, error);
            else
                logger.LogWarning("Pack {Month} to {Subscription}: attempt {Attempt} failed, retry at {Retry}: {Error}", month, subscription.Id, delivery.Attempts, delivery.NextAttemptAt, error);
            return new DeliveryOutcome(subscription.Id, subscription.Email, subscription.Scope, DeliveryResult.Failed, error, delivery);
        }
        delivery = DeliveryRetryPolicy.Succeeded(delivery, clock.GetUtcNow());
        await Record(delivery);
        await Audit(delivery, 250, "sent");
        logger.LogInformation("Pack {Month} sent to subscription {Subscription} as {MessageId}", month, subscription.Id, delivery.MessageId);
        return new DeliveryOutcome(subscription.Id, subscription.Email, subscription.Scope, DeliveryResult.Sent, null, delivery);
    }

    private async Task Record(PackDelivery delivery)
    {
        state.State.Log[Key(delivery.Month, delivery.SubscriptionId)] = delivery;
        await state.WriteStateAsync();
    }

    /// <summary>Every attempt in the audit trail: a pack e-mail shares the figures (a team lead's names agents) with whoever
    /// reads that mailbox. Status 250 when the server accepted the message, 0 when it did not.</summary>
    private ValueTask Audit(PackDelivery d, int status, string outcome) =>
        audit.Record(new AuditEntry(clock.GetUtcNow(), "pack delivery", "system", null, null, "send pack by e-mail", "SMTP",
            $"mailto:{d.Email}", [], status, $"{d.Month} pack of {d.Scope} for {d.Role}, attempt {d.Attempts}, {d.MessageId}: {outcome}"));

    /// <summary>A reminder while retries wait (it survives a restart), none otherwise.</summary>
    private async Task ScheduleRetries()
    {
        var waiting = state.State.Log.Values.Any(d => d.Status == DeliveryStatus.Pending);
        var reminder = await this.GetReminder(RetryReminder);
        if (waiting && reminder is null)
        {
            // Orleans reminders tick at most once a minute.
            var period = settings.Retry.FirstDelay < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : settings.Retry.FirstDelay;
            await this.RegisterOrUpdateReminder(RetryReminder, period, period);
        }
        else if (!waiting && reminder is not null) await this.UnregisterReminder(reminder);
    }

    private ISubscriptionDirectoryGrain Subscriptions() => GrainFactory.GetGrain<ISubscriptionDirectoryGrain>("subscriptions");

    private static DeliveryOutcome Skipped(PackSubscription subscription, PackDelivery? known, string reason) =>
        new(subscription.Id, subscription.Email, subscription.Scope, DeliveryResult.Skipped, reason, known);

    private static PackMonth Parse(string month) =>
        PackMonth.TryParse(month, out var parsed) ? parsed : throw new ArgumentException($"month: '{month}' is not a month (yyyy-MM)");

    private static string Key(string month, string subscriptionId) => month + "|" + subscriptionId;

    /// <summary>One run over the subscriptions: each scope and role's pack is gathered once however many subscribe to it.</summary>
    private sealed class Run(PackMonth month, DateTimeOffset now)
    {
        private readonly Dictionary<(string?, Role), PackForCaller> _packs = new();

        public PackMonth Month => month;
        public DateTimeOffset Now => now;

        public async Task<PackForCaller> Pack(MonthlyPackService packs, PackSubscription subscription)
        {
            var key = (subscription.TeamId, subscription.Role);
            if (!_packs.TryGetValue(key, out var pack))
                _packs[key] = pack = await packs.WithSummaryForCaller(subscription.AsCaller(), month, subscription.TeamId, now);
            return pack;
        }
    }
}

[GenerateSerializer, Alias("qm.PackDeliveryState")]
public sealed class PackDeliveryState
{
    /// <summary>Delivery log lines by "month|subscription id".</summary>
    [Id(0)] public Dictionary<string, PackDelivery> Log { get; set; } = new();
}
