using QmInsights.Domain.Periods;
using QmInsights.Domain.Queues;
using QmInsights.Grains.Queues;
using QmInsights.Grains.Analytics;
using QmInsights.Grains.Calibration;
using QmInsights.Grains.Forecasting;
using QmInsights.Grains.Ingestion;
using QmInsights.Grains.Live;
using QmInsights.Storage;
using QmInsights.Grains.Storage;
using QmInsights.Silo.Api;
using QmInsights.Silo.Security;
using QmInsights.Silo.Live;
using Orleans.Dashboard;

namespace QmInsights.Silo.Hosting;

/// <summary>The host as a table of contents: services, Orleans, then the HTTP surface.</summary>
public static class QmHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The application's name is fixed (default: the entry assembly's, which is the test runner's in tests): the
        // OpenAPI document names its operations' tag after it.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = "qminsights" });
        configure?.Invoke(builder);
        // Orleans, Polly and ASP.NET log every call at Information: too loud for a console that shows progress.
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(o => JsonDefaults.Apply(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "QmInsights API";
            document.Info.Description = "Contact-centre quality monitoring analytics. Reference for people: docs/api.md in the repository.";
            return Task.CompletedTask;
        }));
        // The centre's calendar: every day, week and month is a local one (an unknown zone stops the start, naming the key).
        builder.Services.AddSingleton(CentreCalendar.Of(builder.Configuration["Centre:TimeZone"]));
        builder.Services.AddSingleton(HotWindow.Of(builder.Configuration["Storage:HotMonths"]));
        builder.Services.AddSingleton(new QueueThresholds(builder.Configuration.GetValue("Centre:ServiceLevelSeconds", 20.0),
            builder.Configuration.GetValue("Centre:ShortAbandonSeconds", 5.0)));
        builder.Services.AddSingleton<QueueService>();
        builder.Services.AddSingleton<ImportProfiles>();
        builder.Services.AddSingleton<FactIngestor>();
        builder.Services.AddSingleton<AggregateRebuild>();
        foreach (var owner in Enum.GetValues<TallyOwner>())
            builder.Services.AddKeyedSingleton(owner, (s, _) => new TallyReader(s.GetRequiredService<IFactStore>(), owner, s.GetRequiredService<CentreCalendar>()));
        builder.Services.AddSingleton<InsightsService>();
        builder.Services.AddSingleton<CalibrationService>();
        builder.Services.AddSingleton<EvaluationReader>();
        builder.Services.AddSingleton<CadenceService>();
        builder.AddQmRetention();
        builder.Services.AddSingleton<ForecastService>();
        builder.Services.AddSingleton<CentreService>();
        builder.Services.AddSingleton<LiveChanges>().AddHostedService(s => s.GetRequiredService<LiveChanges>());
        builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo");
        builder.AddQmOrleans();
        builder.AddQmSecurity();
        builder.AddQmHardening();
        builder.AddMonthlyPacks();
        builder.AddQmMetrics();

        var app = builder.Build();
        app.RequireTokenBeyondLoopback();
        app.UseExceptionHandler();
        app.UseQmHardening();
        app.UseStatusCodePages();
        app.UseDashboardApp();
        app.UseQmSecurity();
        app.MapOpenApi().RequireAuthorization(Policies.Authenticated);
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapQmMetrics();
        app.MapOrleansDashboard(routePrefix: "/dashboard").RequireAuthorization(Policies.Admin);
        app.MapAuth();
        app.MapAuditTrail();
        app.MapQueries();
        app.MapIngestion();
        app.MapDefinitions();
        app.MapAdmin();
        app.MapInsights();
        app.MapCalibrations();
        app.MapEvaluationViews();
        app.MapCadence();
        app.MapRetention();
        app.MapForecasts();
        app.MapQueues();
        app.MapImportProfiles();
        app.MapReports();
        app.MapPackDelivery();
        app.MapPackOutlooks();
        app.MapEvents();
        app.MapCentre();
        app.MapDirectory();

        return app;
    }
}
