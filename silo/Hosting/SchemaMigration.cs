using QmInsights.Storage.Postgres;

namespace QmInsights.Silo.Hosting;

/// <summary>Applies the database schema at start-up, before the silo joins the cluster; nobody runs SQL by hand.</summary>
public sealed class SchemaMigration(string connectionString) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => DatabaseSchema.ApplyAsync(connectionString, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
