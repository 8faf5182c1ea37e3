using System.CommandLine;
using System.Globalization;
using QmInsights.Domain.Simulation;
using QmInsights.Silo.Commands;
using QmInsights.Silo.Demo;

namespace QmInsights.Silo.Bench;

/// <summary><c>qminsights bench [--agents N] [--teams N] [--months N] [--contacts-per-agent-day X]</c>: ingestion
/// throughput and summary latency of the engine with in-process storage and with PostgreSQL, side by side with the
/// plain-PostgreSQL baseline (COPY and GROUP BY), on a throw-away PostgreSQL server started for the run.</summary>
public static class BenchCommand
{
    /// <summary>The <c>bench</c> command.</summary>
    public static Command Create()
    {
        var size = new DemoOptions(new SimulationOptions { Agents = 100, Teams = 10, Months = 3 }, sizeOnly: true);
        var insights = new Option<bool>("--insights") { Description = "instead: the full analysis on about 1.07M contacts and 54k evaluations, timed through the API" };
        var forecast = new Option<bool>("--forecast") { Description = "instead: forecast training and backtest on two years of hourly history of one queue, next to seasonal-naive" };
        var planted = new Option<bool>("--planted") { Description = "instead: planted-effect recovery and CI coverage of the insights over many seeds, with targeted sampling (read as it was picked and as if random)" };
        var seeds = new Option<int>("--seeds") { Description = "with --planted: how many seeds", DefaultValueFactory = _ => 20 };
        var report = new Option<bool>("--report") { Description = "instead: the monthly pack of 500 agents / 40 teams, timed" };
        var command = new Command("bench", "Ingestion and summary benchmark of the engine (in-process storage and PostgreSQL) next to plain PostgreSQL, on a throw-away server.")
        {
            insights, forecast, report, planted, seeds,
        };
        size.AddTo(command);
        command.SetAction(async (parsed, _) =>
        {
            if (parsed.GetValue(insights)) return await InsightsBench.Run(Console.Out);
            if (parsed.GetValue(forecast)) return await ForecastBench.Run(Console.Out);
            if (parsed.GetValue(report)) return await ReportBench.Run(Console.Out);
            if (parsed.GetValue(planted)) return PlantedBench.Run(Console.Out, parsed.GetValue(seeds));
            var (options, problems) = size.Read(parsed);
            return problems.Count > 0 ? Cli.Fail(parsed, string.Join("; ", problems)) : await Run(options);
        });
        return command;
    }

    private static async Task<int> Run(SimulationOptions options)
    {
        var log = Console.Out;
        log.WriteLine($"generating {options.Agents} agents, {options.Teams} teams, {options.Months} months ...");
        var data = new BenchData(options);
        log.WriteLine($"  {data.Interactions.Count:N0} interactions, {data.Surveys.Count:N0} surveys, {data.Evaluations.Count:N0} evaluations in {data.Bodies.Count} NDJSON batches");

        log.WriteLine("starting a throw-away PostgreSQL server ...");
        await using var postgres = await ThrowAwayPostgres.Start();

        log.WriteLine("engine, in-process storage ...");
        var memory = await EngineRun.Measure(data, [], log, "memory");
        log.WriteLine("engine, PostgreSQL ...");
        var durable = await EngineRun.Measure(data, ["--Storage:Provider=Postgres", $"--ConnectionStrings:Postgres={await postgres.CreateDatabase("bench_engine")}"], log, "postgres");
        log.WriteLine("PostgreSQL baseline: COPY and GROUP BY ...");
        var sql = await SqlBaseline.Measure(data, await postgres.CreateDatabase("bench_sql"));

        foreach (var (id, (evaluations, qa)) in sql.AgentTotals)
        {
            var engine = durable.AgentSummaries[id];
            var engineQa = engine.GetProperty("qaScore").ValueKind == System.Text.Json.JsonValueKind.Number ? engine.GetProperty("qaScore").GetDouble() : (double?)null;
            if (engine.GetProperty("evaluations").GetInt64() != evaluations || Math.Abs((engineQa ?? -1) - (qa ?? -1)) > 1e-6)
                throw new InvalidOperationException($"{id}: engine ({engine.GetProperty("evaluations")}, {engineQa}) and SQL ({evaluations}, {qa}) disagree");
        }

        var n = data.Records;
        string Rate(TimeSpan t) => (n / t.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture);
        string X(double a, double b) => (a / b).ToString("F2", CultureInfo.InvariantCulture) + "x";
        log.WriteLine();
        log.WriteLine($"| ingestion of {n:N0} records | seconds | records/s | vs SQL COPY |");
        log.WriteLine("| --- | ---: | ---: | ---: |");
        log.WriteLine($"| engine, in-process storage (HTTP, NDJSON) | {memory.Ingest.TotalSeconds:F2} | {Rate(memory.Ingest)} | {X(memory.Ingest.TotalSeconds, sql.Copy.TotalSeconds)} |");
        log.WriteLine($"| engine, PostgreSQL (HTTP, NDJSON) | {durable.Ingest.TotalSeconds:F2} | {Rate(durable.Ingest)} | {X(durable.Ingest.TotalSeconds, sql.Copy.TotalSeconds)} |");
        log.WriteLine($"| PostgreSQL binary COPY (baseline) | {sql.Copy.TotalSeconds:F2} | {Rate(sql.Copy)} | 1.00x |");
        log.WriteLine($"| PostgreSQL COPY + indexes (baseline) | {(sql.Copy + sql.Index).TotalSeconds:F2} | {Rate(sql.Copy + sql.Index)} | {X((sql.Copy + sql.Index).TotalSeconds, sql.Copy.TotalSeconds)} |");
        log.WriteLine();
        log.WriteLine("| summary query (totals + weekly trend) | p50 ms | p99 ms | p50 vs SQL |");
        log.WriteLine("| --- | ---: | ---: | ---: |");
        void Row(string what, Latency l, Latency baseline) =>
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {l.P50:F2} | {l.P99:F2} | {X(l.P50, baseline.P50)} |"));
        Row($"agent, engine in-process (HTTP), {memory.Agents.Samples} calls", memory.Agents, sql.Agents);
        Row($"agent, engine PostgreSQL (HTTP), {durable.Agents.Samples} calls", durable.Agents, sql.Agents);
        Row($"agent, SQL GROUP BY, {sql.Agents.Samples} calls", sql.Agents, sql.Agents);
        Row($"team, engine in-process (HTTP), {memory.Teams.Samples} calls", memory.Teams, sql.Teams);
        Row($"team, engine PostgreSQL (HTTP), {durable.Teams.Samples} calls", durable.Teams, sql.Teams);
        Row($"team, SQL GROUP BY, {sql.Teams.Samples} calls", sql.Teams, sql.Teams);
        log.WriteLine();
        log.WriteLine("engine and SQL agree on evaluations and QA score for the agents checked");
        return 0;
    }
}
