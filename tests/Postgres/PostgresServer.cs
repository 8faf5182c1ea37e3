using QmInsights.Silo.Bench;

namespace QmInsights.Tests.Postgres;

/// <summary>A real, throw-away PostgreSQL server shared by the tests of a class (see <see cref="ThrowAwayPostgres"/>).</summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private ThrowAwayPostgres? _server;

    private ThrowAwayPostgres Server => _server ?? throw new InvalidOperationException("not started");

    public string ConnectionString(string database = "qminsights") => Server.ConnectionString(database);

    public Task<string> CreateDatabase(string name) => Server.CreateDatabase(name);

    public async ValueTask InitializeAsync() => _server = await ThrowAwayPostgres.Start();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
