using QmInsights.Grains.Storage;

namespace QmInsights.Silo.Hosting;

/// <summary>Runs <see cref="OutboxRecovery"/> every few seconds on every silo (recovery is idempotent, so two silos
/// recovering the same batch only rebuild twice).</summary>
public sealed class OutboxRecoveryService(OutboxRecovery recovery, ILogger<OutboxRecoveryService> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await recovery.RunOnce();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Outbox recovery failed; trying again in {Seconds} s", Every.TotalSeconds);
            }
        }
    }
}
