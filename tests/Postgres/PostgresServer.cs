using System.Diagnostics;
using Npgsql;
using QmInsights.Silo.Hosting;

namespace QmInsights.Tests.Postgres;

/// <summary>A real, throw-away PostgreSQL server: initdb into a temp folder, listening on a free loopback port,
/// stopped and deleted at the end. PostgreSQL refuses to run as root, so as root it runs as the postgres user.</summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"qm-pg-{Guid.NewGuid():N}");
    private string _bin = "";

    public int Port { get; } = FreePorts.Next();

    public string ConnectionString(string database = "qminsights") =>
        $"Host=127.0.0.1;Port={Port};Username=qm;Database={database};Pooling=true;Maximum Pool Size=50";

    public async ValueTask InitializeAsync()
    {
        _bin = FindBinaries();
        Directory.CreateDirectory(_folder);
        if (Environment.UserName == "root") await Run("chown", $"postgres {_folder}");
        await RunPg("initdb", $"-D {_folder}/data -U qm --auth=trust -E UTF8 --no-sync");
        await RunPg("pg_ctl", $"-D {_folder}/data -l {_folder}/log -w -t 60 start " +
                              $"-o \"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200\"");
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE DATABASE qminsights", connection);
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>A fresh database on this server, so tests sharing the server do not see each other's facts.</summary>
    public async Task<string> CreateDatabase(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try { await RunPg("pg_ctl", $"-D {_folder}/data -m immediate -w stop"); }
        finally { Directory.Delete(_folder, recursive: true); }
    }

    private static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
            : [];
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_ctl")))
               ?? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)");
    }

    private Task RunPg(string tool, string arguments) =>
        Environment.UserName == "root"
            ? Run("runuser", $"-u postgres -- {Path.Combine(_bin, tool)} {arguments}")
            : Run(Path.Combine(_bin, tool), arguments);

    private static async Task Run(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await output}{await error}");
    }
}
