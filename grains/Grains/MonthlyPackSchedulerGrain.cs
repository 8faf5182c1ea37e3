using Microsoft.Extensions.Logging;
using QmInsights.Grains.Interfaces;
using QmInsights.Grains.Live;
using QmInsights.Grains.Reports;
using QmInsights.Reports.Pack;
using QmInsights.Storage;

namespace QmInsights.Grains.Grains;

public sealed class MonthlyPackSchedulerGrain(MonthlyPackService packs, CentreService centre, TimeProvider clock,
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

    public Task ReceiveReminder(string reminderName, TickStatus status) => RenderDue(clock.GetUtcNow());
}
