using Microsoft.Extensions.DependencyInjection.Extensions;
using QmInsights.Domain.Ingestion;
using QmInsights.Domain.Retention;
using QmInsights.Grains.Retention;

namespace QmInsights.Silo.Hosting;

/// <summary>Data minimisation services, from the <c>Retention</c> configuration section.</summary>
public static class QmRetention
{
    public static WebApplicationBuilder AddQmRetention(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        // Read at start-up, so a wrong value stops the host with the key's name rather than failing later.
        builder.Services.AddSingleton(RetentionOptions.From(config["Retention:RawFactMonths"], config["Retention:Comments"]));
        builder.Services.AddSingleton(TimestampWindow.From(config["Ingestion:EarliestTimestamp"], config["Ingestion:LatestAheadDays"]));
        // Tests substitute their own clock to make facts age.
        builder.Services.TryAddKeyedSingleton(RetentionOptions.ClockKey, TimeProvider.System);
        builder.Services.AddSingleton<RetentionService>();
        builder.Services.AddSingleton<ErasureService>();
        builder.Services.AddSingleton<ImplausibleDateRepair>();
        builder.Services.AddHostedService<RetentionSchedule>();
        return builder;
    }
}
