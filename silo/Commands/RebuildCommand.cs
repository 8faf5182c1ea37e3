using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Spectre.Console;

namespace QmInsights.Silo.Commands;

/// <summary><c>qminsights rebuild --url URL [--token T]</c>: asks a running engine to recompute every aggregate from
/// its stored facts and shows its progress: bars on a terminal, the engine's lines as they come otherwise.</summary>
public static partial class RebuildCommand
{
    /// <summary>The <c>rebuild</c> command.</summary>
    public static Command Create()
    {
        var command = new Command("rebuild", "A running engine re-scores every stored evaluation and rebuilds every aggregate from the stored facts, printing progress (admin).");
        return EngineClient.Command(command, async engine =>
        {
            // A rebuild of a large centre takes long: no client time-out, progress is streamed line by line.
            engine.Http.Timeout = Timeout.InfiniteTimeSpan;
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/rebuild");
            using var response = await engine.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            using var body = new StreamReader(await response.Content.ReadAsStreamAsync());
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine(await body.ReadToEndAsync());
                return Cli.Failure;
            }
            if (LiveProgress.Possible(Console.Out))
            {
                await using var live = await LiveProgress.Start();
                await Show(body, live, Console.Out);
            }
            else
                while (await body.ReadLineAsync() is { } line) Console.WriteLine(line);
            return 0;
        });
    }

    /// <summary>Turns the engine's progress lines into bars on <paramref name="live"/>: "re-scored N evaluations, C
    /// changed" (a count, the total is not known up front) and "rebuilt N/M agents|teams|scorecards" (one bar each);
    /// the other lines (shards reloaded, rebuild complete) are printed to <paramref name="log"/> once the bars end.</summary>
    public static async Task Show(TextReader lines, LiveProgress live, TextWriter log)
    {
        var bars = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
        var said = new List<string>();
        while (await lines.ReadLineAsync() is { } line)
        {
            if (Rescored().Match(line) is { Success: true } rescored && Number(rescored, "seen") is { } seen)
            {
                Bar("re-scoring evaluations", null).Value = seen;
                bars["re-scoring evaluations"].Description = $"re-scoring evaluations ({rescored.Groups["changed"].Value} changed)";
            }
            else if (Rebuilt().Match(line) is { Success: true } rebuilt && Number(rebuilt, "done") is { } done && Number(rebuilt, "total") is { } total)
                Bar($"rebuilding {rebuilt.Groups["what"].Value}", total).Value = done;
            else said.Add(line);
        }
        foreach (var bar in bars.Values.Where(b => b.IsIndeterminate))
        {
            // The count is final once the engine moved on: the bar shows it complete.
            bar.IsIndeterminate = false;
            bar.MaxValue = Math.Max(1, bar.Value);
            bar.Value = bar.MaxValue;
        }
        await live.Stop();
        foreach (var line in said) log.WriteLine(line);

        ProgressTask Bar(string key, double? total)
        {
            if (!bars.TryGetValue(key, out var bar)) bars[key] = bar = live.Add(key, total);
            return bar;
        }
    }

    private static double? Number(Match match, string group) =>
        double.TryParse(match.Groups[group].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) ? n : null;

    [GeneratedRegex(@"^re-scored (?<seen>[\d,]+) evaluations, (?<changed>[\d,]+) changed$")]
    private static partial Regex Rescored();

    [GeneratedRegex(@"^rebuilt (?<done>[\d,]+)/(?<total>[\d,]+) (?<what>\w+)$")]
    private static partial Regex Rebuilt();
}
