using QmInsights.Storage;
using QmInsights.Grains.Storage;

namespace QmInsights.Silo.Hosting;

/// <summary>Runs <see cref="OutboxRecovery"/> every <c>Storage:RecoveryIntervalSeconds</c> (10) on every silo, for
/// batches unconfirmed for <c>Storage:RecoveryGraceSeconds</c> (20). Recovery is idempotent, so two silos recovering
/// the same batch only rebuild twice.</summary>
public sealed class OutboxRecoveryService(OutboxRecovery recovery, IConfiguration config, ILogger<OutboxRecoveryService> logger)
    : BackgroundService
{
    private readonly TimeSpan _every = TimeSpan.FromSeconds(config.GetValue("Storage:RecoveryIntervalSeconds", 10.0));
    private readonly TimeSpan _grace = TimeSpan.FromSeconds(config.GetValue("Storage:RecoveryGraceSeconds", OutboxRecovery.Grace.TotalSeconds));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await recovery.RunOnce(_grace);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Outbox recovery failed; trying again in {Seconds} s", _every.TotalSeconds);
            }
        }
    }
}
