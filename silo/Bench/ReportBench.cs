using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using QmInsights.Domain.Simulation;
using QmInsights.Grains.Reports;
using QmInsights.Reports.Layout;
using QmInsights.Reports.Pack;

namespace QmInsights.Silo.Bench;

/// <summary><c>bench --report</c>: the monthly pack of a 500-agent, 40-team centre with a year of history, split into
/// gathering the figures and laying out the PDF, beside a text-only pack of the same data (the baseline: what the
/// vector charts cost) and the whole request through the API.</summary>
public static class ReportBench
{
    private const int Runs = 3;

    public static async Task<int> Run(TextWriter log)
    {
        var options = new SimulationOptions { Agents = 500, Teams = 40, Months = 12, ContactsPerAgentDay = 5, SelfEvaluationsPerAgentMonth = 0 };
        log.WriteLine("generating 500 agents, 40 teams x 12 months ...");
        var data = new BenchData(options);
        log.WriteLine($"  {data.Interactions.Count:N0} interactions, {data.Surveys.Count:N0} surveys, {data.Evaluations.Count:N0} evaluations");
        var month = PackMonth.Of(options.End).Previous;
        var rows = new List<(string What, List<double> Seconds, string Result)>();

        await EngineRun.Measure(data, [], log, "ingest", async (http, services) =>
        {
            foreach (var entry in data.Centre.Roster())
                (await http.PutAsJsonAsync($"/api/agents/{entry.AgentId}", new { teamId = entry.TeamId, hiredAt = entry.HiredAt })).EnsureSuccessStatusCode();
            var packs = services.GetRequiredService<MonthlyPackService>();
            MonthlyPackData? pack = null;
            byte[] pdf = [];
            var now = DateTimeOffset.UtcNow;
            rows.Add(("gathering the figures (summaries, items, insights, leniency, cadence, next peak forecast)",
                await Time(log, "gathering", async () => pack = await packs.Gather(month, null, now, new StageLog(log))), ""));
            var document = MonthlyPack.Compose(pack!);
            rows.Add(("layout and PDF, vector charts", await Time(log, "layout", () => Task.FromResult(pdf = PdfRenderer.Render(document))),
                $"{PdfRenderer.Layout(document).PageCount} pages, {pdf.Length / 1024} KiB"));
            var textOnly = document with { Blocks = document.Blocks.Where(b => b is not Chart).ToList() };
            byte[] plain = [];
            rows.Add(("baseline: layout and PDF, text only (no charts)", await Time(log, "text only", () => Task.FromResult(plain = PdfRenderer.Render(textOnly))),
                $"{PdfRenderer.Layout(textOnly).PageCount} pages, {plain.Length / 1024} KiB"));
            long size = 0;
            rows.Add(($"whole centre pack through the API (GET /api/reports/monthly/{month}?refresh=true)",
                await Time(log, "API", async () => size = (await http.GetByteArrayAsync($"/api/reports/monthly/{month}?refresh=true")).LongLength), $"{size / 1024} KiB"));
            var team = data.Centre.TeamIds[0];
            rows.Add(($"one team's pack through the API (?teamId={team})",
                await Time(log, "team API", async () => size = (await http.GetByteArrayAsync($"/api/reports/monthly/{month}?teamId={team}&refresh=true")).LongLength), $"{size / 1024} KiB"));
        });

        log.WriteLine();
        log.WriteLine($"| monthly pack {month}, 500 agents, 40 teams, {data.Interactions.Count:N0} contacts in 12 months | median s | min s | result |");
        log.WriteLine("| --- | ---: | ---: | --- |");
        foreach (var (what, seconds, result) in rows)
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {Median(seconds):F2} | {seconds.Min():F2} | {result} |"));
        return 0;
    }

    private static async Task<List<double>> Time(TextWriter log, string what, Func<Task> run)
    {
        var seconds = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await run();
            seconds.Add(clock.Elapsed.TotalSeconds);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what} run {i + 1}: {seconds[^1]:F2} s"));
        }
        return seconds;
    }

    /// <summary>Prints each stage of the gathering as it starts.</summary>
    private sealed class StageLog(TextWriter log) : IProgress<string>
    {
        public void Report(string value) => log.WriteLine($"    {value} ...");
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
