using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using QmInsights.Domain.Ingestion;
using QmInsights.Silo.Demo;

namespace QmInsights.Silo.Commands;

/// <summary><c>qminsights import --url URL [--token T] [--profile P] [--kind interactions|surveys|evaluations]
/// [--batch N] file.csv|file.ndjson</c>: sends a source's export to a running engine in batches, through an import
/// profile, with a progress bar, and prints the totals and the first rejections (their line in the file).</summary>
public static class ImportCommand
{
    /// <summary>The <c>import</c> command.</summary>
    public static Command Create()
    {
        var profile = new Option<string?>("--profile") { Description = "the import profile that maps the file's columns and words (GET /api/import-profiles lists them)", HelpName = "profile" };
        var kind = CliOptions.OneOf("--kind", "what the file holds [default: interactions]", "interactions", "surveys", "evaluations");
        var batch = CliOptions.Count("--batch", "records a request [default: 5000]", 1);
        batch.Validators.Add(r => { if (r.GetValueOrDefault<int?>() > 100_000) r.AddError("--batch: must be at most 100000"); });
        var file = new Argument<FileInfo>("file") { Description = "the export: CSV with a header row, or NDJSON (.ndjson, .jsonl)" };
        file.Validators.Add(r => { if (r.GetValueOrDefault<FileInfo>() is { Exists: false } f) r.AddError($"{f.FullName}: no such file"); });
        var command = new Command("import", "Sends a source's export to a running engine in batches, through an import profile, with a progress bar; prints the totals and the first rejections (their record in the file).")
        {
            profile, kind, batch, file,
        };
        return EngineClient.Command(command, engine => Send(engine.Http, engine.Query(profile), engine.Parsed.GetValue(kind) ?? "interactions",
            engine.Parsed.GetValue(batch) ?? 5000, engine.Parsed.GetRequiredValue(file).FullName, engine.Parsed.InvocationConfiguration.Output));
    }

    /// <summary>Sends <paramref name="file"/> to <c>/api/{kind}{query}</c> in batches of <paramref name="batch"/>
    /// records; 0 when every record was accepted, 1 when some were rejected or the engine refused a batch.</summary>
    public static async Task<int> Send(HttpClient http, string query, string kind, int batch, string file, TextWriter log)
    {
        var ndjson = file.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);
        var path = $"/api/{kind}{query}";
        var batches = ndjson ? NdjsonBatches(file, batch) : CsvBatches(file, batch);
        var expected = await CountRecords(file, ndjson);
        await using var progress = await Progress.Start(log, kind, expected);
        var totals = new IngestTotals();
        var clock = Stopwatch.StartNew();
        var sent = 0L;
        await foreach (var (body, first, count) in batches)
        {
            using var response = await http.PostAsync(path, new StringContent(body, Encoding.UTF8, ndjson ? "application/x-ndjson" : "text/csv"));
            var text = await response.Content.ReadAsStringAsync();
            // A batch of one rejected record answers 409/422 with the batch report inside the problem.
            using var answer = response.IsSuccessStatusCode || (int)response.StatusCode is 409 or 422 ? JsonDocument.Parse(text) : null;
            if (answer is null || !response.IsSuccessStatusCode && !answer.RootElement.TryGetProperty("report", out _))
            {
                await progress.Stop();
                Console.Error.WriteLine($"import: {path} answered {(int)response.StatusCode}: {text}");
                return Cli.Failure;
            }
            totals.Add(response.IsSuccessStatusCode ? answer.RootElement : answer.RootElement.GetProperty("report"), first);
            sent += count;
            progress.Report(sent, clock.Elapsed);
        }
        totals.Elapsed = clock.Elapsed;
        await progress.Done(totals, clock.Elapsed);
        return totals.Rejected == 0 ? 0 : Cli.Failure;
    }

    // Records in the file, for the progress bar (CSV rows after the header; non-blank NDJSON lines).
    private static async Task<long> CountRecords(string file, bool ndjson)
    {
        var count = 0L;
        if (ndjson)
        {
            foreach (var line in File.ReadLines(file)) if (!string.IsNullOrWhiteSpace(line)) count++;
            return count;
        }
        using var reader = new StreamReader(file);
        await foreach (var _ in CsvRows.Read(reader)) count++;
        return Math.Max(0, count - 1);
    }

    // CSV batches: the header and up to `size` rows, cells quoted again where they need it; `first` is the file
    // position of the batch's first record, so rejections can be named by their place in the whole file.
    private static async IAsyncEnumerable<(string Body, long First, int Count)> CsvBatches(string file, int size)
    {
        using var reader = new StreamReader(file);
        string? header = null;
        var body = new StringBuilder();
        var (first, count, position) = (0L, 0, 0L);
        await foreach (var (line, cells, problem) in CsvRows.Read(reader))
        {
            if (cells is null) throw new InvalidDataException($"{file} line {line}: {problem}");
            if (header is null)
            {
                header = Row(cells);
                continue;
            }
            if (count == 0) body.Clear().Append(header);
            body.Append(Row(cells));
            if (++count == size)
            {
                yield return (body.ToString(), first, count);
                first = position + 1;
                count = 0;
            }
            position++;
        }
        if (count > 0) yield return (body.ToString(), first, count);
    }

    private static async IAsyncEnumerable<(string Body, long First, int Count)> NdjsonBatches(string file, int size)
    {
        var body = new StringBuilder();
        var (first, count, position) = (0L, 0, 0L);
        using var reader = new StreamReader(file);
        while (await reader.ReadLineAsync() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            body.Append(line).Append('\n');
            position++;
            if (++count == size)
            {
                yield return (body.ToString(), first, count);
                body.Clear();
                (first, count) = (position, 0);
            }
        }
        if (count > 0) yield return (body.ToString(), first, count);
    }

    private static string Row(IEnumerable<string> cells) =>
        string.Join(',', cells.Select(c => c.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{c.Replace("\"", "\"\"")}\"" : c)) + "\n";
}
