using System.Diagnostics;
using QmInsights.Silo.Hosting;

namespace QmInsights.Silo.Bench;

/// <summary>A silo as its own operating-system process (the same executable `dotnet run --project silo` builds),
/// so a test or a benchmark can kill it the hard way.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = new();

    public Uri Url { get; }
    public HttpClient Http { get; }

    /// <summary>The ports it listens on (HTTP, silo, gateway), for starting it again on the same ones.</summary>
    public SiloPorts Ports { get; }

    private SiloProcess(Process process, Uri url, SiloPorts ports)
    {
        _process = process;
        Url = url;
        Ports = ports;
        Http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Starts the silo with <paramref name="settings"/> (configuration keys) and waits until its API answers.
    /// A free port can be taken by another process between choosing and binding it (a busy machine's outgoing
    /// connections use the same range): then it starts again on new ports. With <paramref name="ports"/> it starts on
    /// those, as a service manager restarts a silo: the cluster then sees the new process as the same silo's next
    /// generation and drops the killed one at once, instead of waiting for it to miss its heartbeats.</summary>
    public static async Task<SiloProcess> Start(IEnumerable<string> settings, SiloPorts? ports = null)
    {
        if (ports is not null) return await StartOnce(settings, ports);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnce(settings, new SiloPorts(FreePorts.Next(), FreePorts.Next(), FreePorts.Next()));
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("Address already in use", StringComparison.Ordinal))
            {
            }
        }
    }

    private static async Task<SiloProcess> StartOnce(IEnumerable<string> settings, SiloPorts ports)
    {
        var url = new Uri($"http://127.0.0.1:{ports.Http}");
        var executable = Path.Combine(AppContext.BaseDirectory, "qminsights.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { executable, $"--urls={url}", $"--Orleans:SiloPort={ports.Silo}", $"--Orleans:GatewayPort={ports.Gateway}" }.Concat(settings))
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        var silo = new SiloProcess(process, url, ports);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (silo._output) silo._output.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (silo._output) silo._output.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"silo exited with {process.ExitCode}: {silo.Output}");
            try
            {
                using var response = await silo.Http.GetAsync("/health");
                if (response.IsSuccessStatusCode) return silo;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        await silo.DisposeAsync();
        throw new TimeoutException($"silo did not answer within 90 s: {silo.Output}");
    }

    public string Output
    {
        get { lock (_output) return string.Join('\n', _output.TakeLast(40)); }
    }

    /// <summary>Resident memory of the silo process (its working set), bytes.</summary>
    public long WorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, no goodbye to the cluster.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}

/// <summary>The loopback ports a silo process listens on: HTTP API, silo-to-silo, client gateway.</summary>
public sealed record SiloPorts(int Http, int Silo, int Gateway);
