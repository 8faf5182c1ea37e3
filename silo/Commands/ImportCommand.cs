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
    private const string Usage = "[--profile P] [--kind interactions|surveys|evaluations] [--batch N] file.csv|file.ndjson";
    private static readonly string[] Kinds = ["interactions", "surveys", "evaluations"];

    public static async Task<int> Run(string[] args, TextWriter? output = null)
    {
        var log = output ?? Console.Out;
        using var engine = EngineClient.Parse("import", args, Usage, "profile", "kind", "batch");
        if (engine is null) return 2;
        var kind = engine.Options.GetValueOrDefault("kind", "interactions");
        var batch = int.TryParse(engine.Options.GetValueOrDefault("batch", "5000"), out var b) && b is > 0 and <= 100_000 ? b : 0;
        string? problem = engine.Arguments.Count != 1 ? "give exactly one file"
            : !File.Exists(engine.Arguments[0]) ? $"{engine.Arguments[0]}: no such file"
            : !Kinds.Contains(kind) ? $"--kind: '{kind}' is not one of {string.Join(", ", Kinds)}"
            : batch == 0 ? "--batch: must be a whole number from 1 to 100000" : null;
        if (problem is not null)
        {
            Console.Error.WriteLine($"import: {problem}\nusage: qminsights import --url http://host:port [--token T] {Usage}");
            return 2;
        }

        var file = engine.Arguments[0];
        var ndjson = file.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);
        var path = $"/api/{kind}{engine.Query("profile")}";
        var batches = ndjson ? NdjsonBatches(file, batch) : CsvBatches(file, batch);
        var expected = await CountRecords(file, ndjson);
        var progress = new Progress(log, kind, expected);
        var totals = new IngestTotals();
        var clock = Stopwatch.StartNew();
        var sent = 0L;
        await foreach (var (body, first, count) in batches)
        {
            using var response = await engine.Http.PostAsync(path, new StringContent(body, Encoding.UTF8, ndjson ? "application/x-ndjson" : "text/csv"));
            var text = await response.Content.ReadAsStringAsync();
            // A batch of one rejected record answers 409/422 with the batch report inside the problem.
            using var answer = response.IsSuccessStatusCode || (int)response.StatusCode is 409 or 422 ? JsonDocument.Parse(text) : null;
            if (answer is null || !response.IsSuccessStatusCode && !answer.RootElement.TryGetProperty("report", out _))
            {
                Console.Error.WriteLine($"import: {path} answered {(int)response.StatusCode}: {text}");
                return 1;
            }
            totals.Add(response.IsSuccessStatusCode ? answer.RootElement : answer.RootElement.GetProperty("report"), first);
            sent += count;
            progress.Report(sent, clock.Elapsed);
        }
        totals.Elapsed = clock.Elapsed;
        progress.Done(totals, clock.Elapsed);
        return totals.Rejected == 0 ? 0 : 1;
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
