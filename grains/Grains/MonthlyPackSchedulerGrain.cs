using Microsoft.Extensions.Logging;
using QmInsights.Grains.Interfaces;
using QmInsights.Grains.Live;
using QmInsights.Grains.Reports;
using QmInsights.Reports.Pack;
using QmInsights.Storage;

namespace QmInsights.Grains.Grains;

public sealed class MonthlyPackSchedulerGrain(MonthlyPackService packs, CentreService centre, SmtpSettings smtp, TimeProvider clock,
    ILogger<MonthlyPackSchedulerGrain> logger) : Grain, IMonthlyPackSchedulerGrain, IRemindable
{
    private const string ReminderName = "monthly-packs";

    public async Task Start()
    {
        // Daily, shortly after midnight UTC: the first tick of a month renders the month before.
        var now = clock.GetUtcNow();
        var next = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1).AddMinutes(5), TimeSpan.Zero);
        await this.RegisterOrUpdateReminder(ReminderName, next - now, TimeSpan.FromDays(1));
    }

    public async Task<List<string>> RenderDue(DateTimeOffset now)
    {
        var month = PackMonth.LastComplete(now);
        var rendered = new List<string>();
        foreach (var teamId in new string?[] { null }.Concat((await centre.Directory()).Teams.Select(t => t.TeamId)))
            if (await packs.Archived(month, teamId, refresh: false, now) is { Rendered: true })
                rendered.Add(ArchivedPack.ScopeOf(teamId));
        if (rendered.Count > 0) logger.LogInformation("Monthly packs for {Month}: rendered {Scopes}", month, string.Join(", ", rendered));
        return rendered;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var now = clock.GetUtcNow();
        // Sending first renders the subscribers' packs and their summaries from one gathering; the rest are rendered after.
        if (smtp.Configured)
        {
            try
            {
                await GrainFactory.GetGrain<IPackDeliveryGrain>("deliveries").Send(PackMonth.LastComplete(now).ToString(), now, byHand: false);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Monthly packs for {Month}: sending to the subscribers failed", PackMonth.LastComplete(now));
            }
        }
        await RenderDue(now);
    }
}
