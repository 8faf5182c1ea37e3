using QmInsights.Grains.Ingestion;
using QmInsights.Silo.Api;
using Orleans.Dashboard;

namespace QmInsights.Silo.Hosting;

/// <summary>The host as a table of contents: services, Orleans, then the HTTP surface.</summary>
public static class QmHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.Services.ConfigureHttpJsonOptions(o => JsonDefaults.Apply(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton<FactIngestor>();
        builder.AddQmOrleans();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAdminTokenGate();
        app.MapOpenApi();
        app.MapOrleansDashboard(routePrefix: "/dashboard");
        app.MapQueries();

        return app;
    }
}
