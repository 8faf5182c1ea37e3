using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using QmInsights.Domain.Simulation;

namespace QmInsights.Silo.Bench;

/// <summary><c>bench --insights</c>: the full analysis (regressions, BH, conflicts, ML.NET models, disagreeing
/// agents) on a centre of about a million contacts and fifty thousand regular evaluations, timed through the API.</summary>
public static class InsightsBench
{
    public static async Task<int> Run(TextWriter log)
    {
        var options = new SimulationOptions
        {
            Agents = 400, Teams = 20, Months = 12, ContactsPerAgentDay = 9.6, EvaluationsPerAgentMonth = 12, SelfEvaluationsPerAgentMonth = 0,
        };
        log.WriteLine("generating 400 agents x 12 months ...");
        var data = new BenchData(options);
        log.WriteLine($"  {data.Interactions.Count:N0} interactions, {data.Surveys.Count:N0} surveys, {data.Evaluations.Count:N0} evaluations");
        var rows = new List<(string What, double Seconds, string Result)>();
        await EngineRun.Measure(data, [], log, "ingest", async (http, _) =>
        {
            foreach (var (what, path) in new[]
                     {
                         ("conflicts (regressions, BH, conflicts)", "/api/insights/conflicts"),
                         ("relationships + ML.NET models", "/api/insights/relationships"),
                         ("disagreeing agents", "/api/insights/disagreeing-agents?top=10"),
                     })
            {
                var clock = Stopwatch.StartNew();
                using var doc = JsonDocument.Parse(await http.GetStringAsync(path));
                var seconds = clock.Elapsed.TotalSeconds;
                var result = doc.RootElement.ValueKind == JsonValueKind.Array
                    ? $"{doc.RootElement.GetArrayLength()} rows"
                    : $"{doc.RootElement.GetProperty("relationships").GetArrayLength()} relationships, {doc.RootElement.GetProperty("models").GetArrayLength()} models";
                rows.Add((what, seconds, result));
                log.WriteLine($"  {what}: {seconds:F1} s");
            }
        });
        log.WriteLine();
        log.WriteLine($"| analysis of {data.Interactions.Count:N0} interactions, {data.Evaluations.Count:N0} evaluations | seconds | result |");
        log.WriteLine("| --- | ---: | --- |");
        foreach (var (what, seconds, result) in rows)
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {seconds:F2} | {result} |"));
        return 0;
    }
}
