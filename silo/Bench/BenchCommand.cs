using System.CommandLine;
using System.Globalization;
using QmInsights.Domain.Simulation;
using QmInsights.Silo.Commands;
using QmInsights.Silo.Demo;

namespace QmInsights.Silo.Bench;

/// <summary><c>qminsights bench [--agents N] [--teams N] [--months N] [--contacts-per-agent-day X]</c>: ingestion
/// throughput and summary latency of the engine with in-process storage, with PostgreSQL and with Azure Storage (on
/// Azurite; <c>--no-azure</c> leaves it out), side by side with the plain-PostgreSQL baseline (COPY and GROUP BY), on
/// throw-away servers started for the run; then how long a restarted host takes to serve every summary.</summary>
public static class BenchCommand
{
    /// <summary>The <c>bench</c> command.</summary>
    public static Command Create()
    {
        // 20 evaluations per agent-month rather than the demo's 4: enough batches to time evaluations on their own.
        var size = new DemoOptions(new SimulationOptions { Agents = 100, Teams = 10, Months = 3, EvaluationsPerAgentMonth = 20 }, sizeOnly: true);
        var insights = new Option<bool>("--insights") { Description = "instead: the full analysis on about 1.07M contacts and 54k evaluations, timed through the API" };
        var forecast = new Option<bool>("--forecast") { Description = "instead: forecast training and the per-horizon backtest on two years of hourly history of one queue: WAPE, MASE, bias and MAPE next to seasonal-naive and the four-week mean, and interval coverage on open hours" };
        var planted = new Option<bool>("--planted") { Description = "instead: planted-effect recovery and CI coverage of the insights over many seeds, with targeted sampling (read as it was picked and as if random)" };
        var seeds = new Option<int>("--seeds") { Description = "with --planted: how many seeds", DefaultValueFactory = _ => 20 };
        var noAzure = new Option<bool>("--no-azure") { Description = "leave the Azure Storage (Azurite) rows out" };
        var pairs = new Option<int>("--pairs") { Description = "how many pairs of (engine on PostgreSQL, binary COPY) ingestions to time one right after the other, after one unmeasured warm-up pair; the vs-COPY figure is the median of their ratios (0: none)", DefaultValueFactory = _ => 5 };
        var report = new Option<bool>("--report") { Description = "instead: the monthly pack of 500 agents / 40 teams, timed" };
        var scale = new Option<bool>("--scale") { Description = $"instead: a year of a large centre (the demo's simulator; --agents, --teams, --months default to {ScaleBench.Defaults.Agents}, {ScaleBench.Defaults.Teams}, {ScaleBench.Defaults.Months}): records/s by kind, resident memory per record, the whole-centre pack, summary latency" };
        var postgres = new Option<bool>("--postgres") { Description = "with --scale: also a silo process on a throw-away PostgreSQL, killed after ingestion: seconds from its restart to the first correct centre summary" };
        var rows = new Option<bool>("--rows") { Description = "instead: resident bytes per record of the shards' compact rows next to the earlier records, in-process (takes the size options)" };
        var azure = new Option<bool>("--azure") { Description = "with --scale: the same restart on a throw-away Azurite (Azure Storage emulator, from npm), with the restarted silo's working set" };
        var restartOnly = new Option<bool>("--restart-only") { Description = "with --scale: leave the in-process run (memory, pack, latency) out; only the --postgres / --azure restarts" };
        var command = new Command("bench", "Ingestion and summary benchmark of the engine (in-process storage, PostgreSQL and Azure Storage on Azurite) next to plain PostgreSQL, on throw-away servers; then restart times.")
        {
            insights, forecast, report, scale, postgres, azure, restartOnly, rows, planted, seeds, noAzure, pairs,
        };
        size.AddTo(command);
        command.SetAction(async (parsed, _) =>
        {
            if (parsed.GetValue(insights)) return await InsightsBench.Run(Console.Out);
            if (parsed.GetValue(forecast)) return await ForecastBench.Run(Console.Out);
            if (parsed.GetValue(report)) return await ReportBench.Run(Console.Out);
            if (parsed.GetValue(planted)) return PlantedBench.Run(Console.Out, parsed.GetValue(seeds));
            var (options, problems) = parsed.GetValue(scale) ? size.Read(parsed, ScaleBench.Defaults) : size.Read(parsed);
            if (problems.Count > 0) return Cli.Fail(parsed, string.Join("; ", problems));
            if (parsed.GetValue(scale)) return await ScaleBench.Run(options, parsed.GetValue(postgres), parsed.GetValue(azure),
                parsed.GetValue(restartOnly), Console.Out);
            if (parsed.GetValue(pairs) < 0) return Cli.Fail(parsed, "--pairs: must be 0 or more");
            return parsed.GetValue(rows) ? RowsBench.Run(Console.Out, options) : await Run(options, !parsed.GetValue(noAzure), parsed.GetValue(pairs));
        });
        return command;
    }

    private static async Task<int> Run(SimulationOptions options, bool withAzure, int pairCount)
    {
        var log = Console.Out;
        log.WriteLine($"generating {options.Agents} agents, {options.Teams} teams, {options.Months} months ...");
        var data = new BenchData(options);
        log.WriteLine($"  {data.Interactions.Count:N0} interactions, {data.Surveys.Count:N0} surveys, {data.Evaluations.Count:N0} evaluations in {data.Kinds.Sum(k => k.Bodies.Count)} NDJSON batches");

        log.WriteLine("starting a throw-away PostgreSQL server ...");
        await using var postgres = await ThrowAwayPostgres.Start();

        log.WriteLine("engine, in-process storage ...");
        var memory = await EngineRun.Measure(data, [], log, "memory");
        log.WriteLine("engine, PostgreSQL ...");
        string[] postgresSettings = ["--Storage:Provider=Postgres", $"--ConnectionStrings:Postgres={await postgres.CreateDatabase("bench_engine")}"];
        var durable = await EngineRun.Measure(data, postgresSettings, log, "postgres");
        var postgresRestart = await EngineRun.Restart(data, postgresSettings);
        var azure = withAzure ? await AzureRun(data, log) : null;
        log.WriteLine("PostgreSQL baseline: COPY and GROUP BY ...");
        var sql = await SqlBaseline.Measure(data, postgres);
        var pairs = pairCount > 0 ? await CopyPairs.Measure(data, postgres, pairCount, log) : null;

        foreach (var (id, (evaluations, qa)) in sql.AgentTotals)
        {
            var engine = durable.AgentSummaries[id];
            var engineQa = engine.GetProperty("qaScore").ValueKind == System.Text.Json.JsonValueKind.Number ? engine.GetProperty("qaScore").GetDouble() : (double?)null;
            if (engine.GetProperty("evaluations").GetInt64() != evaluations || Math.Abs((engineQa ?? -1) - (qa ?? -1)) > 1e-6)
                throw new InvalidOperationException($"{id}: engine ({engine.GetProperty("evaluations")}, {engineQa}) and SQL ({evaluations}, {qa}) disagree");
        }

        string X(double a, double b) => (a / b).ToString("F2", CultureInfo.InvariantCulture) + "x";
        log.WriteLine();
        var runs = new List<(string, KindTimes)> { ("engine, in-process storage (HTTP, NDJSON)", memory.Ingest), ("engine, PostgreSQL (HTTP, NDJSON)", durable.Ingest) };
        if (azure is { } a) runs.Add(("engine, Azure Storage on Azurite (HTTP, NDJSON)", a.Run.Ingest));
        IngestionTable.Print(log, data, runs, sql.Copy, sql.Index);
        log.WriteLine();
        if (pairs is not null)
        {
            pairs.Print(log, data);
            log.WriteLine();
        }
        log.WriteLine("| summary query (totals + weekly trend) | p50 ms | p99 ms | p50 vs SQL |");
        log.WriteLine("| --- | ---: | ---: | ---: |");
        void Row(string what, Latency l, Latency baseline) =>
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {l.P50:F2} | {l.P99:F2} | {X(l.P50, baseline.P50)} |"));
        Row($"agent, engine in-process (HTTP), {memory.Agents.Samples} calls", memory.Agents, sql.Agents);
        Row($"agent, engine PostgreSQL (HTTP), {durable.Agents.Samples} calls", durable.Agents, sql.Agents);
        if (azure is { } aa) Row($"agent, engine Azure Storage on Azurite (HTTP), {aa.Run.Agents.Samples} calls", aa.Run.Agents, sql.Agents);
        Row($"agent, SQL GROUP BY, {sql.Agents.Samples} calls", sql.Agents, sql.Agents);
        Row($"team, engine in-process (HTTP), {memory.Teams.Samples} calls", memory.Teams, sql.Teams);
        Row($"team, engine PostgreSQL (HTTP), {durable.Teams.Samples} calls", durable.Teams, sql.Teams);
        if (azure is { } at) Row($"team, engine Azure Storage on Azurite (HTTP), {at.Run.Teams.Samples} calls", at.Run.Teams, sql.Teams);
        Row($"team, SQL GROUP BY, {sql.Teams.Samples} calls", sql.Teams, sql.Teams);
        log.WriteLine();
        log.WriteLine($"| restart: a new host serves every agent and team summary once ({data.Records:N0} records stored) | seconds |");
        log.WriteLine("| --- | ---: |");
        log.WriteLine($"| PostgreSQL | {postgresRestart.TotalSeconds:F2} |");
        if (azure is { } ar) log.WriteLine($"| Azure Storage on Azurite | {ar.Restart.TotalSeconds:F2} |");
        log.WriteLine();
        log.WriteLine("engine and SQL agree on evaluations and QA score for the agents checked");
        return 0;
    }

    /// <summary>The engine on a throw-away Azurite: ingestion and summaries, then a restart on the facts it stored.</summary>
    private static async Task<(EngineRun Run, TimeSpan Restart)?> AzureRun(BenchData data, TextWriter log)
    {
        log.WriteLine("starting a throw-away Azurite (npm) ...");
        await using var azurite = await ThrowAwayAzurite.Start();
        string[] settings = ["--Storage:Provider=Azure", $"--ConnectionStrings:AzureStorage={azurite.ConnectionString}", "--Azure:Storage:Prefix=bench"];
        log.WriteLine("engine, Azure Storage (Azurite) ...");
        var run = await EngineRun.Measure(data, settings, log, "azure");
        log.WriteLine("engine, Azure Storage (Azurite): restart ...");
        return (run, await EngineRun.Restart(data, settings));
    }
}
