using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using QmInsights.Domain.Delivery;
using QmInsights.Grains.Interfaces;
using QmInsights.Silo.Hosting;
using QmInsights.Storage;
using QmInsights.Tests.Delivery;

namespace QmInsights.Tests.Postgres;

public sealed class PackDeliveryPostgresTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task A_pack_rendered_before_a_restart_is_sent_once_after_it_and_not_again_after_another_restart()
    {
        var connectionString = await server.CreateDatabase("delivery");
        await using var smtp = new LoopbackSmtpServer();
        byte[] archived;
        await using (var app = await Start(connectionString, smtp))
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            await DeliveryCentre.Feed(http);
            await Subscribe(http, "lead", "lead@centre.example", "dl-t1", "teamLead");
            await Subscribe(http, "exec", "exec@centre.example", "centre", "executive");
            // The 1st of November: the reminder renders October's packs, and the silo stops before anything is sent.
            var scheduler = app.Services.GetRequiredService<IGrainFactory>().GetGrain<IMonthlyPackSchedulerGrain>("monthly");
            Assert.Contains("team:dl-t1", await scheduler.RenderDue(new DateTimeOffset(2025, 11, 1, 0, 5, 0, TimeSpan.Zero)));
            archived = (await app.Services.GetRequiredService<IPackArchive>().Find("2025-10", "team:dl-t1"))!.Pdf;
            await app.StopAsync();
        }
        Assert.Empty(smtp.Received);

        await using (var app = await Start(connectionString, smtp))
        {
            var outcomes = await Deliveries(app).Send("2025-10", DateTimeOffset.UtcNow, byHand: false);
            Assert.All(outcomes, o => Assert.Equal(DeliveryResult.Sent, o.Result));
            // The team lead gets the pack archived before the restart, byte for byte.
            var part = Assert.Single(Assert.Single(smtp.To("lead@centre.example")).Attachments.OfType<MimePart>());
            using var pdf = new MemoryStream();
            part.Content!.DecodeTo(pdf);
            Assert.Equal(archived, pdf.ToArray());
            Assert.Single(smtp.To("exec@centre.example"));
            await app.StopAsync();
        }

        await using (var app = await Start(connectionString, smtp))
        {
            // The log survived: the scheduled run and a send by hand both find everything sent.
            var scheduled = await Deliveries(app).Send("2025-10", DateTimeOffset.UtcNow, byHand: false);
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            var byHand = await DeliveryCentre.Send(http, HttpMethod.Post, "/api/reports/monthly/2025-10/send");
            Assert.All(scheduled, o => Assert.Equal(DeliveryResult.Skipped, o.Result));
            Assert.Contains("\"sent\":[]", byHand);
            Assert.Equal(2, smtp.Received.Count);
            var log = await Deliveries(app).Log("2025-10");
            Assert.All(log, d => Assert.Equal((DeliveryStatus.Sent, 1), (d.Status, d.Attempts)));
            Assert.Equal(smtp.To("lead@centre.example")[0].MessageId, log.Single(d => d.SubscriptionId == "lead").MessageId);
            await app.StopAsync();
        }
    }

    private static IPackDeliveryGrain Deliveries(WebApplication app) =>
        app.Services.GetRequiredService<IGrainFactory>().GetGrain<IPackDeliveryGrain>("deliveries");

    private static Task<string> Subscribe(HttpClient http, string id, string email, string scope, string role) =>
        DeliveryCentre.Send(http, HttpMethod.Put, $"/api/reports/subscriptions/{id}", System.Text.Json.JsonSerializer.Serialize(new { email, scope, role }));

    private static async Task<WebApplication> Start(string connectionString, LoopbackSmtpServer smtp)
    {
        var app = QmHost.Build([.. FreePorts.LocalHostArgs(), "--Storage:Provider=Postgres", $"--ConnectionStrings:Postgres={connectionString}", .. smtp.Settings]);
        await app.StartAsync();
        return app;
    }
}
