using Npgsql;
using QmInsights.Storage;
using QmInsights.Storage.Postgres;
using QmInsights.Tests.Postgres;

namespace QmInsights.Tests.Storage;

public sealed class PostgresFactStoreConformance(PostgresServer server) : FactStoreConformance, IClassFixture<PostgresServer>
{
    protected override async Task<IFactStore> NewStore() => new PostgresFactStore(await PostgresStorage.NewDatabase(server));
}

public sealed class PostgresPackArchiveConformance(PostgresServer server) : PackArchiveConformance, IClassFixture<PostgresServer>
{
    protected override async Task<IPackArchive> NewArchive() => new PostgresPackArchive(await PostgresStorage.NewDatabase(server));
}

/// <summary>A fresh database with the schema applied, for one conformance test.</summary>
internal static class PostgresStorage
{
    public static async Task<NpgsqlDataSource> NewDatabase(PostgresServer server)
    {
        var connectionString = await server.CreateDatabase($"conf_{Guid.NewGuid():N}");
        await DatabaseSchema.ApplyAsync(connectionString);
        return NpgsqlDataSource.Create(connectionString);
    }
}
