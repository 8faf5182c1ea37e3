using QmInsights.Grains.Interfaces;
using QmInsights.Grains.Reports;
using QmInsights.Storage.Postgres;
using QmInsights.Storage.Memory;
using QmInsights.Storage;

namespace QmInsights.Silo.Hosting;

/// <summary>The monthly packs: gathering and rendering, the archive (PostgreSQL or in process, like the rest of the
/// storage), the reminder that renders each month's packs, and the mail server they are sent through.</summary>
public static class MonthlyPackHosting
{
    public static WebApplicationBuilder AddMonthlyPacks(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PackForecast>();
        builder.Services.AddSingleton<MonthlyPackService>();
        // Packs by e-mail: a wrong Reports:Smtp or Reports:Delivery value stops the start, naming the key.
        builder.Services.AddSingleton(SmtpSettings.Read(builder.Configuration));
        builder.Services.AddSingleton<PackMailer>();
        builder.Services.AddSingleton(TimeProvider.System);
        var provider = builder.Configuration["Storage:Provider"];
        if (string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
            builder.Services.AddSingleton<IPackArchive, PostgresPackArchive>();
        else if (!string.Equals(provider, "Azure", StringComparison.OrdinalIgnoreCase)) // Azure: registered with its storage
            builder.Services.AddSingleton<IPackArchive, InMemoryPackArchive>();
        builder.Services.AddHostedService<PackScheduleStart>();
        // Next-peak outlooks of closed months trained before their pack is asked for (Reports:TrainAhead:*).
        builder.Services.AddSingleton(TrainAheadSettings.Read(builder.Configuration));
        builder.Services.AddHostedService<TrainAheadTicker>();
        return builder;
    }

    /// <summary>Registers the scheduler's reminder once the silo runs (registered after Orleans, so it starts after it).</summary>
    private sealed class PackScheduleStart(IGrainFactory grains) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => grains.GetGrain<IMonthlyPackSchedulerGrain>("monthly").Start();

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Every <c>Reports:TrainAhead:CheckEvery</c>, asks the train-ahead grain to look at the data (every silo does, so
    /// the looks go on whichever silo stays up; the grain is one, so a month trains once).</summary>
    private sealed class TrainAheadTicker(IGrainFactory grains, TrainAheadSettings settings, TimeProvider clock,
        ILogger<TrainAheadTicker> logger) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            if (settings.CheckEvery <= TimeSpan.Zero) return;
            using var timer = new PeriodicTimer(settings.CheckEvery, clock);
            try
            {
                while (await timer.WaitForNextTickAsync(stoppingToken))
                {
                    try
                    {
                        await grains.GetGrain<ITrainAheadGrain>("outlooks").Check(clock.GetUtcNow());
                    }
                    catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                    {
                        logger.LogWarning(e, "Training ahead: the look at the data failed; trying again in {Every}", settings.CheckEvery);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // The silo stops.
            }
        }
    }
}
