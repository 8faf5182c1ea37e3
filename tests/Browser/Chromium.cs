using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace QmInsights.Tests.Browser;

/// <summary>Headless Chromium driven over the Chrome DevTools Protocol: launched on a free debugging port with a
/// throw-away profile, one page target, and the few commands the dashboard tests need.</summary>
public sealed partial class Chromium : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    private readonly Process _process;
    private readonly string _profile;

    private Chromium(Process process, string profile, DevToolsConnection page)
    {
        _process = process;
        _profile = profile;
        Page = page;
    }

    public DevToolsConnection Page { get; }

    public static async Task<Chromium> Launch(int width = 1400, int height = 1000)
    {
        var profile = Directory.CreateTempSubdirectory("qm-chromium-").FullName;
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        foreach (var arg in new[] { "--headless=new", "--remote-debugging-port=0", $"--user-data-dir={profile}", "--no-sandbox",
                     "--disable-gpu", "--no-first-run", "--hide-scrollbars", $"--window-size={width},{height}", "about:blank" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{Executable} did not start");
        process.StandardOutput.BaseStream.CopyToAsync(Stream.Null).ContinueWith(_ => { }, TaskScheduler.Default).Ignore();

        var browserUrl = await ReadDevToolsUrl(process);
        using var http = new HttpClient { BaseAddress = new Uri($"http://{browserUrl.Authority}") };
        var targets = await http.GetFromJsonAsync<JsonElement>("/json/list");
        var page = targets.EnumerateArray().First(t => t.GetProperty("type").GetString() == "page");
        var connection = await DevToolsConnection.Open(new Uri(page.GetProperty("webSocketDebuggerUrl").GetString()!));
        await connection.Send("Page.enable");
        await connection.Send("Runtime.enable");
        return new Chromium(process, profile, connection);
    }

    // Chromium prints "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/ID" on stderr once it is ready.
    private static async Task<Uri> ReadDevToolsUrl(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<string>();
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            var match = DevToolsLine().Match(line);
            if (match.Success)
            {
                // Keep draining stderr so Chromium never blocks on a full pipe.
                process.StandardError.BaseStream.CopyToAsync(Stream.Null).ContinueWith(_ => { }, TaskScheduler.Default).Ignore();
                return new Uri(match.Groups[1].Value);
            }
            seen.Add(line);
        }
        throw new InvalidOperationException($"Chromium exited before printing its DevTools address: {string.Join('\n', seen.TakeLast(10))}");
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex DevToolsLine();

    /// <summary>Opens a URL as a fresh page load and waits until the page's load event.</summary>
    public async Task Navigate(string url)
    {
        // A URL that differs from the current one only after '#' would not load the page again.
        if (url != "about:blank") await Navigate("about:blank");
        var loaded = Page.Next("Page.loadEventFired");
        await Page.Send("Page.navigate", new { url });
        await loaded.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Evaluates a JavaScript expression (awaiting a promise) and returns its value as JSON.</summary>
    public async Task<JsonElement> Evaluate(string expression)
    {
        var result = await Page.Send("Runtime.evaluate", new { expression, awaitPromise = true, returnByValue = true });
        if (result.TryGetProperty("exceptionDetails", out var error))
            throw new InvalidOperationException($"{expression}: {error}");
        return result.GetProperty("result").TryGetProperty("value", out var value) ? value.Clone() : default;
    }

    /// <summary>Polls an expression until it is truthy; returns its last value.</summary>
    public async Task<JsonElement> WaitFor(string expression, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await Evaluate(expression);
            if (value.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.False) &&
                !(value.ValueKind == JsonValueKind.String && value.GetString() == ""))
                return value;
            if (clock.Elapsed > timeout) throw new TimeoutException($"waited {timeout.TotalSeconds:F0} s for: {expression}");
            await Task.Delay(200);
        }
    }

    /// <summary>Answers requests whose URL matches <paramref name="urlPattern"/> (DevTools wildcards) with a JSON body
    /// instead of the server, until the returned handle is disposed: a stand-in for an endpoint another part of the
    /// product serves.</summary>
    public async Task<IAsyncDisposable> Answer(string urlPattern, string json)
    {
        Page.On("Fetch.requestPaused", paused => Page.Send("Fetch.fulfillRequest", new
        {
            requestId = paused.GetProperty("requestId").GetString(),
            responseCode = 200,
            responseHeaders = new[] { new { name = "Content-Type", value = "application/json" } },
            body = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)),
        }));
        await Page.Send("Fetch.enable", new { patterns = new[] { new { urlPattern } } });
        return new Interception(Page);
    }

    private sealed class Interception(DevToolsConnection page) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await page.Send("Fetch.disable");
            page.On("Fetch.requestPaused", null);
        }
    }

    /// <summary>A PNG of the whole page (not only the window).</summary>
    public async Task<byte[]> Screenshot()
    {
        var result = await Page.Send("Page.captureScreenshot", new { format = "png", captureBeyondViewport = true });
        return Convert.FromBase64String(result.GetProperty("data").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        await Page.DisposeAsync();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the folder is under the temp directory anyway.
        }
    }
}

internal static class TaskExtensions
{
    /// <summary>Lets a background copy run without awaiting it.</summary>
    public static void Ignore(this Task task) => _ = task;
}
