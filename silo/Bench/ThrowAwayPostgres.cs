using System.Diagnostics;
using Npgsql;
using QmInsights.Silo.Hosting;

namespace QmInsights.Silo.Bench;

/// <summary>A throw-away PostgreSQL server for benchmarks and tests: initdb into a temp folder, listening on a free
/// loopback port, stopped and deleted on dispose. PostgreSQL refuses to run as root, so as root it runs as the
/// postgres user.</summary>
public sealed class ThrowAwayPostgres : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"qm-pg-{Guid.NewGuid():N}");
    private readonly string _bin = FindBinaries();

    public int Port { get; } = FreePorts.Next();

    public string ConnectionString(string database = "qminsights") =>
        $"Host=127.0.0.1;Port={Port};Username=qm;Database={database};Pooling=true;Maximum Pool Size=50";

    public static async Task<ThrowAwayPostgres> Start()
    {
        var server = new ThrowAwayPostgres();
        Directory.CreateDirectory(server._folder);
        if (Environment.UserName == "root") await Run("chown", $"postgres {server._folder}");
        await server.RunPg("initdb", $"-D {server._folder}/data -U qm --auth=trust -E UTF8 --no-sync");
        await server.RunPg("pg_ctl", $"-D {server._folder}/data -l {server._folder}/log -w -t 60 start " +
                                     $"-o \"-p {server.Port} -k {server._folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200\"");
        await server.CreateDatabase("qminsights");
        return server;
    }

    /// <summary>A fresh database on this server, so users of one server do not see each other's data.</summary>
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
