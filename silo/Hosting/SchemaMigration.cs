using QmInsights.Storage.Postgres;

namespace QmInsights.Silo.Hosting;

/// <summary>Applies the database schema at start-up, before the silo joins the cluster; nobody runs SQL by hand. Then
/// brings the fact tables' planner statistics up to date if autovacuum has not yet (a restart right after an import).</summary>
public sealed class SchemaMigration(string connectionString, ILogger<SchemaMigration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await DatabaseSchema.ApplyAsync(connectionString, cancellationToken);
        var analysed = await PlannerStatistics.Freshen(connectionString, cancellationToken);
        if (analysed.Count > 0) logger.LogInformation("Planner statistics were stale, analysed {Tables}", string.Join(", ", analysed));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
