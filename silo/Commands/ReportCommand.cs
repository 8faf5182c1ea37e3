using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using QmInsights.Reports.Pack;

namespace QmInsights.Silo.Commands;

/// <summary><c>qminsights report --url URL --month yyyy-MM [--team T] [--refresh] [--token T] --out file.pdf</c>: a running
/// engine's monthly pack for any month, written to a file.</summary>
public static class ReportCommand
{
    /// <summary>The <c>report</c> command.</summary>
    public static Command Create()
    {
        var month = new Option<PackMonth>("--month")
        {
            Description = "the month of the pack",
            HelpName = "yyyy-MM",
            Required = true,
            CustomParser = r => PackMonth.TryParse(r.Tokens.Single().Value, out var m) ? m : Cli.Invalid<PackMonth>(r, "is not a month (yyyy-MM)"),
        };
        var team = new Option<string?>("--team") { Description = "a team's pack instead of the whole centre's", HelpName = "team" };
        var refresh = new Option<bool>("--refresh") { Description = "render again instead of the archived pack" };
        var output = new Option<FileInfo>("--out") { Description = "the PDF file to write", HelpName = "file.pdf", Required = true };
        var command = new Command("report", "A running engine's monthly PDF pack, written to a file.") { month, team, refresh, output };
        return EngineClient.Command(command, async engine =>
        {
            var parsed = engine.Parsed;
            var error = await Download(engine.Http, parsed.GetRequiredValue(month), parsed.GetValue(team), parsed.GetValue(refresh),
                parsed.GetRequiredValue(output).FullName, Console.Out);
            if (error is null) return 0;
            Console.Error.WriteLine($"report: {error}");
            return Cli.Failure;
        });
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
}
