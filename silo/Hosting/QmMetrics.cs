using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using QmInsights.Grains.Telemetry;
using QmInsights.Silo.Security;

namespace QmInsights.Silo.Hosting;

/// <summary>OpenTelemetry metrics: Orleans' own meter and the engine's (<see cref="EngineMetrics"/>), exported in
/// Prometheus text format on <see cref="Path"/> for admins (the operations stack scrapes with the admin token).</summary>
public static class QmMetrics
{
    /// <summary>Where the metrics are served.</summary>
    public const string Path = "/metrics";

    /// <summary>Orleans' meter (grain counts, messaging, storage, ...).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Registers the engine's instruments and the exporter.</summary>
    public static void AddQmMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EngineMetrics>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("qminsights"))
            .WithMetrics(m => m
                .AddMeter(OrleansMeter, EngineMetrics.MeterName)
                // Every scrape sees the latest values (the default caches the answer for a moment).
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        builder.Services.ConfigureOpenTelemetryMeterProvider((services, metrics) =>
            metrics.AddView(OwnMetersOnly(services.GetRequiredService<IMeterFactory>())));
    }

    // Listeners see every meter of the process by name: a meter made by another host's IMeterFactory (a second engine
    // in the same process, as in the tests) is left out, so each host exports only its own counts.
    private static Func<Instrument, MetricStreamConfiguration?> OwnMetersOnly(IMeterFactory own) =>
        instrument => instrument.Meter.Scope is { } scope && !ReferenceEquals(scope, own) ? MetricStreamConfiguration.Drop : null;

    /// <summary>Serves the metrics to admins only (secure by default: they show the centre's volumes and failures).</summary>
    public static void MapQmMetrics(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint(Path).RequireAuthorization(Policies.Admin);
}
