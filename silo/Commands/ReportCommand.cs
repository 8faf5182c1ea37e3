using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using QmInsights.Reports.Pack;

namespace QmInsights.Silo.Commands;

/// <summary><c>qminsights report --url URL --month yyyy-MM [--team T] [--refresh] [--token T] --out file.pdf</c>: a running
/// engine's monthly pack for any month, written to a file.</summary>
public static class ReportCommand
{
    private const string Usage = "usage: report --url URL --month yyyy-MM [--team T] [--refresh] [--token T] --out file.pdf";

    public static async Task<int> Run(string[] args)
    {
        string? url = null, month = null, team = null, output = null, token = null;
        var refresh = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--refresh") { refresh = true; continue; }
            if (i + 1 >= args.Length) return Fail($"{args[i]}: a value is missing");
            var value = args[++i];
            switch (args[i - 1])
            {
                case "--url": url = value; break;
                case "--month": month = value; break;
                case "--team": team = value; break;
                case "--out": output = value; break;
                case "--token": token = value; break;
                default: return Fail($"{args[i - 1]}: unknown option");
            }
        }
        if (url is null || month is null || output is null) return Fail("--url, --month and --out are required");
        if (!PackMonth.TryParse(month, out var packMonth)) return Fail($"--month: '{month}' is not a month (yyyy-MM)");

        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(10) };
        if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var error = await Download(http, packMonth, team, refresh, output, Console.Out);
        if (error is null) return 0;
        Console.Error.WriteLine($"report: {error}");
        return 1;
    }

    /// <summary>Fetches the pack into <paramref name="output"/>, printing elapsed time while the engine renders it;
    /// the engine's error message when it has none.</summary>
    public static async Task<string?> Download(HttpClient http, PackMonth month, string? team, bool refresh, string output, TextWriter log)
    {
        var query = new List<string>();
        if (team is not null) query.Add("teamId=" + Uri.EscapeDataString(team));
        if (refresh) query.Add("refresh=true");
        var path = $"/api/reports/monthly/{month}" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        var clock = Stopwatch.StartNew();
        log.WriteLine($"pack         {month} {(team is null ? "whole centre" : "team " + team)}: gathering figures and rendering ...");
        var request = http.GetAsync(path);
        while (await Task.WhenAny(request, Task.Delay(TimeSpan.FromSeconds(2))) != request)
            log.WriteLine($"             ... {clock.Elapsed.TotalSeconds:F0} s");
        using var response = await request;
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode) return $"{(int)response.StatusCode} {Detail(body)}";
        var full = Path.GetFullPath(output);
        if (Path.GetDirectoryName(full) is { } folder) Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(full, body);
        log.WriteLine($"pack         {body.Length / 1024.0:F0} KiB in {clock.Elapsed.TotalSeconds:F1} s: {full}");
        return null;
    }

    private static string Detail(byte[] body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            if (problem.RootElement.TryGetProperty("detail", out var detail)) return detail.GetString() ?? "";
            if (problem.RootElement.TryGetProperty("errors", out var errors)) return errors.ToString();
        }
        catch (JsonException)
        {
            // Not a problem document: show the text as it came.
        }
        return System.Text.Encoding.UTF8.GetString(body);
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"report: {message}");
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
