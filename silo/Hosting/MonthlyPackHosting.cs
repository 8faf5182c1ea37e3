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
        return builder;
    }

    /// <summary>Registers the scheduler's reminder once the silo runs (registered after Orleans, so it starts after it).</summary>
    private sealed class PackScheduleStart(IGrainFactory grains) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => grains.GetGrain<IMonthlyPackSchedulerGrain>("monthly").Start();

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
