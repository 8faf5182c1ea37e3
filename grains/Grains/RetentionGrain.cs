using Microsoft.Extensions.Logging;
using QmInsights.Grains.Interfaces;
using QmInsights.Grains.Retention;

namespace QmInsights.Grains.Grains;

public sealed class RetentionGrain(RetentionService retention, ILogger<RetentionGrain> logger) : Grain, IRetentionGrain
{
    private const string Daily = "daily-retention";

    Task IRetentionGrain.Schedule() => this.RegisterOrUpdateReminder(Daily, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1));

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (await retention.Run() is not { } run) return;
        logger.LogInformation("Retention kept facts from {KeptFrom}: deleted {Interactions} interactions, {Surveys} surveys, {Evaluations} evaluations",
            run.KeptFrom, run.Deleted.Interactions, run.Deleted.Surveys, run.Deleted.Evaluations);
    }
}
