using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using QmInsights.Domain.Ingestion;
using QmInsights.Domain.Simulation;
using QmInsights.Silo.Commands;
using QmInsights.Silo.Hosting;

namespace QmInsights.Silo.Demo;

/// <summary>The main job: simulate a centre, feed it through the public API, print what a manager would see.</summary>
public static class DemoCommand
{
    /// <summary>The <c>demo</c> command.</summary>
    public static Command Create()
    {
        var simulation = new DemoOptions(new SimulationOptions());
        var keep = new Option<bool>("--keep") { Description = "leave the demo's own engine running afterwards (Ctrl+C stops it) and print the dashboard's address" };
        var command = new Command("demo",
            "The main job: generate a contact centre (default: 15 teams, 200 agents, 6 months from 2025-09-01 with a December peak), " +
            "ingest it through the HTTP API, analyse, forecast and write the PDF pack. Without --url it starts its own engine.") { keep };
        simulation.AddTo(command);
        var connection = EngineConnection.AddTo(command);
        command.SetAction(async (parsed, _) =>
        {
            var (sim, problems) = simulation.Read(parsed);
            if (problems.Count > 0) return Cli.Fail(parsed, string.Join("; ", problems));
            return await Run(sim, connection, parsed, parsed.GetValue(keep));
        });
        return command;
    }

    private static async Task<int> Run(SimulationOptions simulation, EngineConnection connection, ParseResult parsed, bool keep)
    {
        WebApplication? host = null;
        var url = connection.Address(parsed);
        if (url is null)
        {
            host = QmHost.Build(FreePorts.LocalHostArgs());
            await host.StartAsync();
            url = new Uri(host.Urls.First());
        }
        try
        {
            using var http = connection.Client(url, parsed, TimeSpan.FromMinutes(10));
            await Feed(http, new CentreSimulation(simulation), Console.Out);
            Console.WriteLine();
            // The embedded engine stops with the demo unless --keep: only then is there a dashboard to open.
            if (host is null || keep) Console.WriteLine($"dashboard: {new Uri(url, "/app/")}");
            else Console.WriteLine("dashboard: add --keep to leave the engine running and open it in a browser");
            if (keep && host is not null)
            {
                Console.WriteLine($"the engine keeps running (API {url}); Ctrl+C stops it");
                // WaitForShutdownAsync stops the host itself: stopping it a second time below would never return.
                await host.WaitForShutdownAsync();
                await host.DisposeAsync();
                host = null;
            }
            return 0;
        }
        finally
        {
            if (host is not null)
            {
                await host.StopAsync();
                await host.DisposeAsync();
            }
        }
    }

    private static async Task Feed(HttpClient http, CentreSimulation centre, TextWriter log)
    {
        var o = centre.Options;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"QmInsights demo: seed {o.Seed}, {o.Teams} teams, {o.Agents} agents, {o.Months} months ({o.Start:yyyy-MM-dd} to {o.End.AddDays(-1):yyyy-MM-dd}), API {http.BaseAddress}"));
        var api = new ApiClient(http, log);
        foreach (var (version, validFrom, definition) in centre.ScorecardVersions)
            log.WriteLine($"scorecard    {DemoScorecard.Id} version {await api.PutScorecard(DemoScorecard.Id, definition, validFrom)} in force from {validFrom:yyyy-MM-dd}");
        await Parallel.ForEachAsync(centre.Roster(), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (entry, _) => await api.PutAgent(entry));
        log.WriteLine($"roster       {centre.Agents.Count} agents in {centre.TeamIds.Count} teams");

        var clock = Stopwatch.StartNew();
        var expected = (long)(centre.ExpectedInteractions * (1 + o.AbandonShare));
        // The agents' contacts and the ones abandoned in the queues.
        var interactions = await api.Post("/api/interactions", "interactions", centre.Contacts(), expected, ContractJson.Write);
        var surveys = await api.Post("/api/surveys", "surveys", centre.Surveys(), (long)(interactions.Submitted * o.SurveyResponseRate), ContractJson.Write);
        var evaluations = await api.Post("/api/evaluations", "evaluations", centre.Evaluations(),
            (long)o.Agents * o.Months * (o.EvaluationsPerAgentMonth + o.SelfEvaluationsPerAgentMonth), ContractJson.Write);
        var total = interactions.Submitted + surveys.Submitted + evaluations.Submitted;
        var seconds = clock.Elapsed.TotalSeconds;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingested     {total:N0} records in {seconds:F1} s: {total / seconds:N0} records/s through the HTTP API (generation included)"));

        await SummaryTable.Print(http, centre.TeamIds, log);
        await PrintFailingItems(http, log);
        await PrintConflicts(http, log);

        await PrintCadence(http, o.End.AddDays(-1), log);
        await Calibrate(api, http, centre, log);

        log.WriteLine();
        log.WriteLine("forecast of billing calls by hour, the week after the data (`forecast --url` shows it all):");
        await Commands.ForecastTables.Print(http, "queue=billing&channel=call&interval=hour", log, full: false);

        // The executives' pack of the last complete month of the simulated period, as a file.
        var packMonth = Reports.Pack.PackMonth.Of(o.End).Previous;
        log.WriteLine();
        if (await Commands.ReportCommand.Download(http, packMonth, null, false, $"quality-pack-{packMonth}.pdf", log) is { } packError)
            log.WriteLine($"pack         not written: {packError}");

        var paths = centre.Agents.Select(a => $"/api/agents/{a.AgentId}/summary")
            .Concat(centre.TeamIds.Select(t => $"/api/teams/{t}/summary")).ToList();
        log.WriteLine();
        log.WriteLine($"summary latency (agents and teams, HTTP round trip): {await QueryLatency.Measure(http, paths, 3)}");

        var e = o.Effects;
        log.WriteLine();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"planted truth: upsell {e.UpsellCsat:+0.0;-0.0} CSAT, {e.UpsellNps:+0.0;-0.0} NPS, +{e.UpsellCallSeconds:F0} s per call; empathy {e.EmpathyCsat:+0.0;-0.0} CSAT; summary {e.SummaryFcr:+0.00} FCR; no effect: {string.Join(", ", e.ZeroEffectItems)}"));
        log.WriteLine($"lenient evaluators: {string.Join(", ", centre.Evaluators.Where(v => v.Leniency > 0.05).Select(v => v.EvaluatorId))}; severe: {string.Join(", ", centre.Evaluators.Where(v => v.Severity > 0.05).Select(v => v.EvaluatorId))}");
    }

    private static async Task PrintCadence(HttpClient http, DateOnly asOf, TextWriter log)
    {
        using var doc = JsonDocument.Parse(await http.GetStringAsync($"/api/cadence?asOf={asOf:yyyy-MM-dd}"));
        var agents = doc.RootElement.GetProperty("agents").EnumerateArray().ToList();
        log.WriteLine();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"evaluation cadence on {asOf:yyyy-MM-dd} (/api/cadence): {agents.Count(a => a.GetProperty("status").GetString() == "overdue")} of {agents.Count} agents overdue, {agents.Count(a => a.GetProperty("status").GetString() == "due")} due; lowest quota coverage this month:"));
        foreach (var team in doc.RootElement.GetProperty("teams").EnumerateArray().Take(3))
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {team.GetProperty("id").GetString()}: {team.GetProperty("evaluationsThisMonth").GetInt32()} of {team.GetProperty("quota").GetInt32()} ({team.GetProperty("coverage").GetDouble():P0}), {team.GetProperty("overdue").GetInt32()} agents overdue"));
    }

    private static async Task PrintConflicts(HttpClient http, TextWriter log)
    {
        log.WriteLine();
        log.Write("analysing which targets pull against each other ... ");
        var clock = Stopwatch.StartNew();
        using var doc = JsonDocument.Parse(await http.GetStringAsync("/api/insights/conflicts"));
        var conflicts = doc.RootElement.EnumerateArray().ToList();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{conflicts.Count} conflicts ({clock.Elapsed.TotalSeconds:F1} s; details: /api/insights/relationships)"));
        foreach (var c in conflicts)
        {
            log.WriteLine($"  [{c.GetProperty("metricA").GetString()} vs {c.GetProperty("metricB").GetString()}] {c.GetProperty("explanation").GetString()}");
            if (c.GetProperty("cost").GetString() is { } cost) log.WriteLine($"      cost: {cost}");
        }

        using var gaps = JsonDocument.Parse(await http.GetStringAsync("/api/insights/disagreeing-agents?top=3"));
        log.WriteLine();
        log.WriteLine("agents where QA and CSAT disagree most (all: /api/insights/disagreeing-agents):");
        foreach (var g in gaps.RootElement.EnumerateArray()) log.WriteLine($"  {g.GetProperty("explanation").GetString()}");

        log.WriteLine();
        await LeniencyCommand.Print(http, "", log);
    }

    // Issue 7 in the one command: calibration sessions held through the API, then their trend.
    private static async Task Calibrate(ApiClient api, HttpClient http, CentreSimulation centre, TextWriter log)
    {
        log.WriteLine();
        foreach (var session in CalibrationSimulation.Sessions(centre))
        {
            if (!await api.PutCalibration(session))
            {
                log.WriteLine($"calibration {session.SessionId} was held by an earlier run");
                continue;
            }
            await api.Post("/api/evaluations", $"calibration {session.SessionId}", session.Evaluations, session.Evaluations.Count, ContractJson.Write);
            await api.CloseCalibration(session.SessionId);
        }
        await CalibrationCommand.Trend(http, "", log);
    }

    private static async Task PrintFailingItems(HttpClient http, TextWriter log)
    {
        using var doc = JsonDocument.Parse(await http.GetStringAsync($"/api/scorecards/{DemoScorecard.Id}/items"));
        log.WriteLine();
        log.WriteLine("items that fail most (regular evaluations, all versions):");
        var items = doc.RootElement.GetProperty("items").EnumerateArray()
            .GroupBy(i => i.GetProperty("itemId").GetString()!)
            .Select(g => (Item: g.Key, Passed: g.Sum(i => i.GetProperty("passed").GetInt64()), Failed: g.Sum(i => i.GetProperty("failed").GetInt64()),
                Na: g.Sum(i => i.GetProperty("notApplicable").GetInt64())))
            .OrderBy(i => (double)i.Passed / Math.Max(1, i.Passed + i.Failed));
        foreach (var (item, passed, failed, na) in items)
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {item,-16} pass rate {100.0 * passed / Math.Max(1, passed + failed),5:F1}%  ({passed:N0} yes, {failed:N0} no, {na:N0} n/a)"));
    }
}
