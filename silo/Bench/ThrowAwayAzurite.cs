using System.Diagnostics;
using System.Net.Sockets;
using QmInsights.Silo.Hosting;

namespace QmInsights.Silo.Bench;

/// <summary>A throw-away Azurite (the Azure Storage emulator, from npm) for benchmarks and tests: blob and table
/// services on free loopback ports, data in memory, killed on dispose. Installed with npm into a cache folder when
/// neither <c>azurite</c> on the PATH nor that folder has it. Its stdout and stderr go to <see cref="LogFile"/>, whose
/// tail (<see cref="Tail"/>) says why if the emulator dies.</summary>
public sealed class ThrowAwayAzurite : IAsyncDisposable
{
    /// <summary>The version installed when missing (3.37 knows API versions up to 2026-06-06; the SDK sends newer
    /// ones, hence <c>--skipApiVersionCheck</c>).</summary>
    public const string Version = "3.37.0";

    // Azurite's fixed development account (public, documented with the emulator).
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly StreamWriter _log;

    private ThrowAwayAzurite(Process process, StreamWriter log, string logFile, int blobPort, int tablePort)
    {
        _process = process;
        _log = log;
        LogFile = logFile;
        BlobPort = blobPort;
        TablePort = tablePort;
    }

    /// <summary>Where the emulator's stdout and stderr are written (kept after dispose, for a post-mortem).</summary>
    public string LogFile { get; }

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
        // In-memory data of a million facts outgrows Node's default heap limit on some machines.
        start.Environment["NODE_OPTIONS"] = "--max-old-space-size=8192";
        var logFile = Path.Combine(Path.GetTempPath(), $"azurite-{blobPort}.log");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        // Also drains the pipes, so a chatty emulator never blocks on a full one.
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new ThrowAwayAzurite(process, log, logFile, blobPort, tablePort);
        var deadline = Stopwatch.StartNew();
        while (!(await Listening(blobPort) && await Listening(tablePort)))
        {
            if (process.HasExited) throw new InvalidOperationException($"{executable} exited with {process.ExitCode} at start-up: {azurite.Tail()}");
            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                await azurite.DisposeAsync();
                throw new TimeoutException($"{executable} did not listen on {blobPort}/{tablePort} within 60 s");
            }
            await Task.Delay(100);
        }
        return azurite;
    }

    /// <summary>Whether the emulator has ended (a benchmark asks when a request fails, to report its last words).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines of the emulator's stdout and stderr.</summary>
    public string Tail(int lines = 40)
    {
        lock (_log)
        {
            using var reader = new StreamReader(new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
        }
    }

    /// <summary>Resident memory of the emulator (Node) process, bytes.</summary>
    public long WorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.HasExited ? 0 : _process.WorkingSet64;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // In-memory data: nothing to flush, so no need for Azurite's (sometimes twice-needed) SIGTERM.
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        lock (_log) _log.Dispose();
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
