using QmInsights.Domain.Retention;
using QmInsights.Grains.Interfaces;

namespace QmInsights.Silo.Hosting;

/// <summary>Makes sure the daily retention reminder exists once the silo runs, when a retention horizon is configured.
/// Every silo does this; registering an existing reminder again changes nothing.</summary>
public sealed class RetentionSchedule(IGrainFactory grains, RetentionOptions options, IHostApplicationLifetime lifetime,
    ILogger<RetentionSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Horizon.RawFactMonths is null) return;
        // The grain call needs the silo, which is running once the application has started.
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
            await started.Task;
        try
        {
            await grains.GetGrain<IRetentionGrain>("retention").Schedule();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not schedule the daily retention run; POST /api/admin/retention/run still works");
        }
    }
}
