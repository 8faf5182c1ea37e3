using System.Diagnostics;
using System.Net.Sockets;
using QmInsights.Silo.Hosting;

namespace QmInsights.Silo.Bench;

/// <summary>A throw-away Azurite (the Azure Storage emulator, from npm) for benchmarks and tests: blob and table
/// services on free loopback ports, data in memory, killed on dispose. Installed with npm into a cache folder when
/// neither <c>azurite</c> on the PATH nor that folder has it.</summary>
public sealed class ThrowAwayAzurite : IAsyncDisposable
{
    /// <summary>The version installed when missing (3.37 knows API versions up to 2026-06-06; the SDK sends newer
    /// ones, hence <c>--skipApiVersionCheck</c>).</summary>
    public const string Version = "3.37.0";

    // Azurite's fixed development account (public, documented with the emulator).
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private ThrowAwayAzurite(Process process, int blobPort, int tablePort)
    {
        _process = process;
        BlobPort = blobPort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }

    public int TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <summary>Where the npm-installed Azurite lives: <c>$XDG_CACHE_HOME/qminsights/azurite</c> (or ~/.cache/...).</summary>
    public static string CacheFolder => Path.Combine(
        Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache ? cache
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
        "qminsights", "azurite");

    public static async Task<ThrowAwayAzurite> Start()
    {
        var executable = await Executable();
        int blobPort = FreePorts.Next(), tablePort = FreePorts.Next(), queuePort = FreePorts.Next();
        var start = new ProcessStartInfo(executable,
            $"--silent --inMemoryPersistence --skipApiVersionCheck --loose --blobHost 127.0.0.1 --blobPort {blobPort} " +
            $"--tableHost 127.0.0.1 --tablePort {tablePort} --queueHost 127.0.0.1 --queuePort {queuePort}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        // Drained so a chatty emulator never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new ThrowAwayAzurite(process, blobPort, tablePort);
        var deadline = Stopwatch.StartNew();
        while (!(await Listening(blobPort) && await Listening(tablePort)))
        {
            if (process.HasExited) throw new InvalidOperationException($"{executable} exited with {process.ExitCode} at start-up");
            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                await azurite.DisposeAsync();
                throw new TimeoutException($"{executable} did not listen on {blobPort}/{tablePort} within 60 s");
            }
            await Task.Delay(100);
        }
        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        // In-memory data: nothing to flush, so no need for Azurite's (sometimes twice-needed) SIGTERM.
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static async Task<bool> Listening(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    /// <summary>azurite on the PATH, else the cached npm install, else installs it there now.</summary>
    private static async Task<string> Executable()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "azurite")).FirstOrDefault(File.Exists);
        if (onPath is not null) return onPath;
        var cached = Path.Combine(CacheFolder, "node_modules", ".bin", "azurite");
        await InstallGate.WaitAsync();
        try
        {
            if (File.Exists(cached)) return cached;
            Directory.CreateDirectory(CacheFolder);
            var install = new ProcessStartInfo("npm", $"install --no-audit --no-fund --prefix \"{CacheFolder}\" azurite@{Version}")
                { RedirectStandardOutput = true, RedirectStandardError = true };
            using var npm = Process.Start(install) ?? throw new InvalidOperationException("npm not found: install Node.js and npm (apt-get install npm)");
            var output = npm.StandardOutput.ReadToEndAsync();
            var error = npm.StandardError.ReadToEndAsync();
            await npm.WaitForExitAsync();
            if (npm.ExitCode != 0 || !File.Exists(cached))
                throw new InvalidOperationException($"npm install azurite@{Version} failed ({npm.ExitCode}): {await output}{await error}");
            return cached;
        }
        finally
        {
            InstallGate.Release();
        }
    }
}
