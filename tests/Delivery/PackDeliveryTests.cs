using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using QmInsights.Domain.Delivery;
using QmInsights.Grains.Interfaces;
using QmInsights.Silo.Api;
using QmInsights.Tests.Api;
using QmInsights.Tests.Reports;

namespace QmInsights.Tests.Delivery;

/// <summary>The engine (memory mode) sending through a loopback SMTP server: three attempts, retries a minute apart doubling.</summary>
public sealed class DeliveryHostFixture : HostFixture, IAsyncLifetime
{
    public LoopbackSmtpServer Smtp { get; } = new();

    protected override IEnumerable<string> Settings =>
        [.. Smtp.Settings, "--Reports:Delivery:MaxAttempts=3", "--Reports:Delivery:FirstRetrySeconds=60"];

    public IPackDeliveryGrain Deliveries => Services.GetRequiredService<IGrainFactory>().GetGrain<IPackDeliveryGrain>("deliveries");

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed class PackDeliveryTests(DeliveryHostFixture host) : IClassFixture<DeliveryHostFixture>, IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = JsonDefaults.Create();
    private static bool _fed;

    public async ValueTask InitializeAsync()
    {
        if (_fed) return;
        await DeliveryCentre.Feed(host.Http);
        _fed = true;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Each_subscriber_gets_one_email_per_month_with_the_pack_for_their_scope_and_role_attached()
    {
        await Subscribe("exec-centre", "exec@centre.example", "centre", "executive");
        await Subscribe("qa-centre", "qa@centre.example", "centre", "qaManager");
        await Subscribe("lead-t1", "lead@centre.example", "dl-t1", "teamLead");
        await Subscribe("exec-t1", "exec-t1@centre.example", "dl-t1", "executive");

        var answer = await SendNow("2025-10");
        string[] mine = ["exec-centre", "exec-t1", "lead-t1", "qa-centre"];
        Assert.Equal(mine, Ids(answer, "sent").Intersect(mine));
        Assert.Empty(Ids(answer, "failed").Intersect(mine));

        var centre = Attachment(Single("exec@centre.example", "2025-10"), "quality-pack-2025-10.pdf");
        Assert.Contains("whole centre", centre);
        Assert.Contains("October 2025", centre);
        var lead = Attachment(Single("lead@centre.example", "2025-10"), "quality-pack-2025-10-dl-t1.pdf");
        Assert.Contains("team dl-t1", lead);
        Assert.Contains("October 2025", lead);
        // The team lead's pack ranks the team's agents; the executive's pack of the same team names nobody.
        Assert.Contains("dl-ann", lead);
        var executive = Attachment(Single("exec-t1@centre.example", "2025-10"), "quality-pack-2025-10-dl-t1.pdf");
        Assert.Contains("team dl-t1", executive);
        foreach (var agent in DeliveryCentre.Agents) Assert.DoesNotContain(agent, executive);
        Assert.DoesNotContain("dl-t2", lead);

        // The body carries page one's summary, in plain text.
        var body = Single("qa@centre.example", "2025-10").TextBody;
        Assert.Contains("Executive summary:", body);
        Assert.Matches(@"- QA score \d+\.\d", body);
        Assert.Contains("quality-pack-2025-10.pdf", body);

        // Sent is sent: again by hand, and the scheduled run, send nothing more.
        var again = await SendNow("2025-10");
        Assert.Empty(Ids(again, "sent"));
        Assert.Equal(mine, Ids(again, "skipped").Intersect(mine));
        var scheduled = await host.Deliveries.Send("2025-10", DateTimeOffset.UtcNow, byHand: false);
        Assert.DoesNotContain(scheduled, o => o.Result == DeliveryResult.Sent);
        foreach (var email in new[] { "exec@centre.example", "qa@centre.example", "lead@centre.example", "exec-t1@centre.example" })
            Single(email, "2025-10");

        // The log: one line per subscription, sent on the first attempt, with the message id the message carries.
        var log = await Log("2025-10");
        var line = log.Single(d => d.SubscriptionId == "lead-t1");
        Assert.Equal((DeliveryStatus.Sent, 1, "dl-t1", "teamLead"), (line.Status, line.Attempts, line.Scope, line.Role));
        Assert.Equal(line.MessageId, Single("lead@centre.example", "2025-10").MessageId);
        Assert.EndsWith("@centre.example", line.MessageId);

        // Reading subscriptions and the log (e-mail addresses), changing subscriptions and sending are audited.
        using var subscriptions = JsonDocument.Parse(await host.Http.GetStringAsync("/api/reports/subscriptions"));
        Assert.Equal(mine, subscriptions.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()).Intersect(mine));
        var audit = await host.Http.GetStringAsync("/api/audit?limit=1000");
        foreach (var action in new[] { "change pack subscription", "read pack subscriptions", "read pack deliveries", "send monthly packs" })
            Assert.Contains($"\"{action}\"", audit);
        Assert.Matches(@"2025-10: sent \d+, skipped \d+, failed \d+", audit);
        // Each message is in the trail too, whoever started the run: the address, the pack and its message id.
        Assert.Contains("\"path\":\"mailto:lead@centre.example\"", audit);
        Assert.Contains($"2025-10 pack of dl-t1 for teamLead, attempt 1, {line.MessageId}: sent", audit);
        await Unsubscribe(mine);
    }

    [Fact]
    public async Task A_temporary_refusal_is_retried_with_backoff_a_permanent_one_is_given_up_and_attempts_are_limited()
    {
        await Subscribe("retry", "retry@centre.example", "dl-t2", "qaManager");
        await Subscribe("refused", "refused@centre.example", "dl-t2", "qaManager");
        await Subscribe("down", "down@centre.example", "dl-t2", "qaManager");
        host.Smtp.Refuse("retry@centre.example", 451, times: 2);
        host.Smtp.Refuse("refused@centre.example", 550, times: 1);
        host.Smtp.Refuse("down@centre.example", 421, times: 100);
        var start = DateTimeOffset.UtcNow;

        var first = await host.Deliveries.Send("2025-09", start, byHand: false);
        Assert.All(first.Where(o => o.SubscriptionId is "retry" or "refused" or "down"), o => Assert.Equal(DeliveryResult.Failed, o.Result));
        var retry = await Line("2025-09", "retry");
        Assert.Equal((DeliveryStatus.Pending, 1), (retry.Status, retry.Attempts));
        Assert.StartsWith("SMTP 451", retry.LastError);
        Assert.InRange(retry.NextAttemptAt!.Value, start.AddSeconds(59), start.AddSeconds(61));
        var refused = await Line("2025-09", "refused");
        Assert.Equal((DeliveryStatus.Failed, 1), (refused.Status, refused.Attempts));
        Assert.StartsWith("SMTP 550", refused.LastError);

        // Not due yet: nothing tried. Then 1 minute, then 2 minutes later (doubling): the third attempt goes through.
        Assert.Empty(await host.Deliveries.RetryDue(start.AddSeconds(30)));
        await host.Deliveries.RetryDue(start.AddSeconds(61));
        Assert.Equal((DeliveryStatus.Pending, 2), ((await Line("2025-09", "retry")).Status, (await Line("2025-09", "retry")).Attempts));
        Assert.Equal(start.AddSeconds(61 + 120), (await Line("2025-09", "retry")).NextAttemptAt);
        await host.Deliveries.RetryDue(start.AddSeconds(61 + 120));
        retry = await Line("2025-09", "retry");
        Assert.Equal((DeliveryStatus.Sent, 3), (retry.Status, retry.Attempts));
        Assert.Equal(retry.MessageId, Single("retry@centre.example", "2025-09").MessageId);

        // The server that keeps answering 421 is given up after the third attempt, and the refusal is never retried.
        var down = await Line("2025-09", "down");
        Assert.Equal((DeliveryStatus.Failed, 3), (down.Status, down.Attempts));
        Assert.StartsWith("SMTP 421", down.LastError);
        Assert.Empty(host.Smtp.To("down@centre.example"));
        Assert.Empty(host.Smtp.To("refused@centre.example"));

        // By hand, a failed delivery gets a fresh try: the refused address now accepts.
        var byHand = await SendNow("2025-09");
        Assert.Contains("refused", Ids(byHand, "sent"));
        Assert.DoesNotContain("retry", Ids(byHand, "sent"));
        Single("refused@centre.example", "2025-09");
        Single("retry@centre.example", "2025-09");
        await Unsubscribe("retry", "refused", "down");
    }

    [Fact]
    public async Task The_attempt_is_in_the_log_before_the_message_leaves_so_an_interrupted_send_is_recognised()
    {
        await Subscribe("slow", "slow@centre.example", "dl-t2", "executive");
        var hold = host.Smtp.HoldNext("slow@centre.example");
        var sending = host.Deliveries.Send("2025-10", DateTimeOffset.UtcNow, byHand: false);
        await hold.Arrived.WaitAsync(TimeSpan.FromMinutes(2));

        // The server has the message and has not answered: the log says an attempt is under way without an outcome,
        // which is what a silo stopping now would leave; the retry then carries this message id.
        var underway = await Line("2025-10", "slow");
        Assert.Equal((DeliveryStatus.Pending, 1, true, null), (underway.Status, underway.Attempts, underway.Interrupted, underway.SentAt));
        hold.Release();
        await sending;
        var sent = await Line("2025-10", "slow");
        Assert.Equal((DeliveryStatus.Sent, 1, underway.MessageId), (sent.Status, sent.Attempts, sent.MessageId));
        Assert.Equal(underway.MessageId, Single("slow@centre.example", "2025-10").MessageId);
        await Unsubscribe("slow");
    }

    [Fact]
    public async Task Subscriptions_refuse_bad_fields_with_the_field_named_and_can_be_listed_and_removed()
    {
        async Task<string> Refused(string id, string body)
        {
            using var response = await host.Http.PutAsync($"/api/reports/subscriptions/{id}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
        Assert.Contains("no team 'dl-t9'", await Refused("x", """{ "email": "a@centre.example", "scope": "dl-t9", "role": "executive" }"""));
        Assert.Contains("a team lead receives one team's pack", await Refused("x", """{ "email": "a@centre.example", "scope": "centre", "role": "teamLead" }"""));
        Assert.Contains("not one e-mail address", await Refused("x", """{ "email": "Ann <a@centre.example>", "scope": "centre", "role": "executive" }"""));
        Assert.Contains("does not receive packs", await Refused("x", """{ "email": "a@centre.example", "scope": "centre", "role": "agent" }"""));

        await Subscribe("temp", "temp@centre.example", "centre", "executive");
        using var list = JsonDocument.Parse(await host.Http.GetStringAsync("/api/reports/subscriptions"));
        var temp = list.RootElement.EnumerateArray().Single(s => s.GetProperty("id").GetString() == "temp");
        Assert.Equal(("temp@centre.example", "centre", "executive"),
            (temp.GetProperty("email").GetString(), temp.GetProperty("scope").GetString(), temp.GetProperty("role").GetString()));
        (await host.Http.DeleteAsync("/api/reports/subscriptions/temp")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.DeleteAsync("/api/reports/subscriptions/temp")).StatusCode);
        Assert.DoesNotContain("\"temp\"", await host.Http.GetStringAsync("/api/reports/subscriptions"));
    }

    private async Task Subscribe(string id, string email, string scope, string role) =>
        await DeliveryCentre.Send(host.Http, HttpMethod.Put, $"/api/reports/subscriptions/{id}",
            JsonSerializer.Serialize(new { email, scope, role }));

    /// <summary>Ends a test's subscriptions, so the other tests' send runs do not mail them.</summary>
    private async Task Unsubscribe(params string[] ids)
    {
        foreach (var id in ids) await DeliveryCentre.Send(host.Http, HttpMethod.Delete, $"/api/reports/subscriptions/{id}");
    }

    private async Task<JsonElement> SendNow(string month) =>
        JsonDocument.Parse(await DeliveryCentre.Send(host.Http, HttpMethod.Post, $"/api/reports/monthly/{month}/send")).RootElement;

    private static List<string> Ids(JsonElement answer, string result) =>
        answer.GetProperty(result).EnumerateArray().Select(o => o.GetProperty("subscriptionId").GetString()!).Order(StringComparer.Ordinal).ToList();

    private async Task<List<PackDelivery>> Log(string month) =>
        JsonSerializer.Deserialize<List<PackDelivery>>(await host.Http.GetStringAsync($"/api/reports/deliveries?month={month}"), Json)!;

    private async Task<PackDelivery> Line(string month, string subscriptionId) => (await Log(month)).Single(d => d.SubscriptionId == subscriptionId);

    /// <summary>The one message <paramref name="email"/> received for <paramref name="month"/> (fails on none or two).</summary>
    private MimeMessage Single(string email, string month) =>
        Assert.Single(host.Smtp.To(email), m => m.Subject?.Contains(PackMonthName(month), StringComparison.Ordinal) == true);

    private static string PackMonthName(string month) => QmInsights.Reports.Pack.Format.MonthName(month);

    /// <summary>The message's one PDF attachment, named <paramref name="fileName"/>, as text.</summary>
    private static string Attachment(MimeMessage message, string fileName)
    {
        var part = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal(("application/pdf", fileName), (part.ContentType.MimeType, part.FileName));
        using var pdf = new MemoryStream();
        part.Content!.DecodeTo(pdf);
        return string.Join("\n", Pdf.Pages(pdf.ToArray()));
    }
}
