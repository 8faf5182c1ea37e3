using QmInsights.Tests.Storage;

namespace QmInsights.Tests.Postgres;

public sealed class PostgresDurableIngestTests(PostgresServer server) : DurableIngestTests, IClassFixture<PostgresServer>
{
    protected override async Task<string[]> NewStorage(string name) =>
        ["--Storage:Provider=Postgres", $"--ConnectionStrings:Postgres={await server.CreateDatabase(name)}"];
}

public sealed class PostgresSiloFailureTests(PostgresServer server) : SiloFailureTests, IClassFixture<PostgresServer>
{
    protected override async Task<string[]> NewStorage(string name) =>
        ["--Storage:Provider=Postgres", $"--ConnectionStrings:Postgres={await server.CreateDatabase(name)}"];
}
