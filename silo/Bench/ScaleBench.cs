using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Ingestion;
using QmInsights.Domain.Simulation;
using QmInsights.Grains.Interfaces;
using QmInsights.Grains.Reports;
using QmInsights.Reports.Pack;
using QmInsights.Silo.Demo;
using QmInsights.Silo.Hosting;
using QmInsights.Storage.Azure;

namespace QmInsights.Silo.Bench;

/// <summary><c>bench --scale</c>: a year of a large centre (the demo's simulator, default 800 agents in 50 teams over 12
/// months) fed through the API of an engine with in-process storage: records/s by kind, resident memory per record,
/// the next-peak outlook of the last month trained ahead once ingestion went quiet, the whole-centre monthly pack (its
/// first render by stage, the month before's whose outlook was not trained ahead, a re-render, then archived), summary latency; with <c>--postgres</c> also
/// how long a silo process on PostgreSQL, killed after ingestion, takes from its restart to a correct centre summary, and
/// with <c>--azure</c> the same on Azure Storage (a throw-away Azurite), once with the commits never folded into shard
/// checkpoints (the baseline) and once with them; <c>--restart-only</c> leaves the in-process run out.</summary>
public static class ScaleBench
{
    /// <summary>The size the issue measured: 800 agents, 50 teams, 12 months of the demo's centre.</summary>
    public static readonly SimulationOptions Defaults = new() { Agents = 800, Teams = 50, Months = 12 };

    private const int InFlight = 3, SummaryRounds = 3, ArchivedRuns = 20;

    public static async Task<int> Run(SimulationOptions options, bool withPostgres, bool withAzure, bool restartOnly, TextWriter log)
    {
        var centre = new CentreSimulation(options);
        log.WriteLine($"generating {options.Agents} agents, {options.Teams} teams, {options.Months} months (seed {options.Seed}) into NDJSON batches on disk ...");
        using var spool = new ScaleSpool(centre, log);
        foreach (var kind in spool.Kinds) log.WriteLine($"  {kind.Records:N0} {kind.Name} in {kind.Batches.Count} batches");
        var month = PackMonth.Of(options.End).Previous;

        var memory = restartOnly ? null : await InProcess(centre, spool, month, log);
        var restarts = new List<RestartRun>();
        if (withPostgres) restarts.Add(await PostgresRestart(centre, spool, log));
        // Azure twice: the baseline first, its commits never folded (every commit blob read back, as before checkpoints).
        if (withAzure) restarts.Add(await AzureRestart(centre, spool, log, checkpoints: false));
        if (withAzure) restarts.Add(await AzureRestart(centre, spool, log, checkpoints: true));
        Print(log, options, spool, month, memory, restarts);
        return 0;
    }

    private static async Task<MemoryRun> InProcess(CentreSimulation centre, ScaleSpool spool, PackMonth month, TextWriter log)
    {
        var heapBefore = ManagedHeap();
        // Training ahead waits for the data to be quiet this long (a production default is minutes: an import's pauses).
        await using (var app = QmHost.Build([.. FreePorts.LocalHostArgs(), $"--Reports:TrainAhead:Quiet={TrainAheadQuiet}",
                         $"--Reports:TrainAhead:CheckEvery={TrainAheadEvery}"]))
        {
            await app.StartAsync();
            using var http = Client(new Uri(app.Urls.First()));
            log.WriteLine("engine, in-process storage: ingestion ...");
            var rates = await Feed(http, centre, spool, log, "memory");
            var ahead = await TrainedAhead(app.Services.GetRequiredService<IGrainFactory>(), month, log);
            var heap = ManagedHeap() - heapBefore;
            var workingSet = Process.GetCurrentProcess().WorkingSet64;
            log.WriteLine($"  managed heap {heap / 1e6:N0} MB, working set {workingSet / 1e6:N0} MB");

            var packs = app.Services.GetRequiredService<MonthlyPackService>();
            var first = await Timed(packs, month, $"whole-centre pack {month}, first render (outlook trained ahead) ...", log);
            // A month whose outlook nobody trained ahead: the render trains it (the process has rendered a pack before).
            var cold = await Timed(packs, month.Previous, $"whole-centre pack {month.Previous}, first render (outlook not trained ahead) ...", log);
            // A month's first render in a process that has rendered packs before, its outlook ready: trained through its
            // grain beforehand, as training ahead does, so only the month's own figures are gathered for the first time.
            var earlier = month.Previous.Previous;
            await app.Services.GetRequiredService<IGrainFactory>().GetGrain<IPackOutlookGrain>(earlier.ToString()).Get("bench");
            var warm = await Timed(packs, earlier, $"whole-centre pack {earlier}, first render (outlook trained beforehand) ...", log);
            // Today's contacts keep flowing in after a month closes: one contact of the month after leaves the month's
            // forecast as it was, so rendering again trains nothing.
            await EngineRun.Post(http, "/api/interactions", LaterContact(centre));
            var again = await Timed(packs, month, $"whole-centre pack {month} rendered again after a contact of the next month arrived ...", log);
            await http.GetByteArrayAsync($"/api/reports/monthly/{month}");
            var archived = await Latency.Measure(Enumerable.Repeat(month.ToString(), ArchivedRuns).ToList(), 1,
                m => http.GetByteArrayAsync($"/api/reports/monthly/{m}"));

            log.WriteLine("summary latency ...");
            var paths = centre.Agents.Select(a => $"/api/agents/{a.AgentId}/summary").Concat(centre.TeamIds.Select(t => $"/api/teams/{t}/summary")).ToList();
            var summaries = await Latency.Measure(paths, SummaryRounds, p => http.GetStringAsync(p));
            var centreSummary = await Latency.Measure(Enumerable.Repeat("/api/centre/summary", 50).ToList(), 1, p => http.GetStringAsync(p));
            await app.StopAsync();
            return new MemoryRun(rates, heap, workingSet, ahead, first, cold, warm, again, archived, summaries, centreSummary);
        }
    }

    private static readonly TimeSpan TrainAheadQuiet = TimeSpan.FromSeconds(5), TrainAheadEvery = TimeSpan.FromSeconds(1);

    /// <summary>Waits, from the end of ingestion, until training ahead has made the month's outlook ready.</summary>
    private static async Task<AheadRun> TrainedAhead(IGrainFactory grains, PackMonth month, TextWriter log)
    {
        log.WriteLine($"training ahead: waiting for {month}'s next-peak outlook (data quiet for {TrainAheadQuiet.TotalSeconds:F0} s, looked at every {TrainAheadEvery.TotalSeconds:F0} s) ...");
        var clock = Stopwatch.StartNew();
        var outlook = grains.GetGrain<IPackOutlookGrain>(month.ToString());
        PackOutlookStatus status;
        while (!(status = await outlook.Status()).Ready)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10)) throw new InvalidOperationException($"{month}: the outlook was not trained ahead within 10 minutes");
            await Task.Delay(100);
        }
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  ready {clock.Elapsed.TotalSeconds:F1} s after ingestion ended: trained in {status.TrainingSeconds:F1} s by {status.TrainedBy} ({status.Trainings} training(s)), {status.Queue} {status.Channel}"));
        return new AheadRun(clock.Elapsed, TimeSpan.FromSeconds(status.TrainingSeconds ?? 0), status.Trainings);
    }

    /// <summary>One in-process render of the whole-centre pack of <paramref name="month"/>, timed by stage.</summary>
    private static async Task<RenderRun> Timed(MonthlyPackService packs, PackMonth month, string what, TextWriter log)
    {
        log.WriteLine(what);
        var stages = new StageClock(log);
        var clock = Stopwatch.StartNew();
        var pdf = await packs.Render(month, null, DateTimeOffset.UtcNow, stages) ?? throw new InvalidOperationException($"{month}: no data for the pack");
        var elapsed = clock.Elapsed;
        stages.Stop();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {elapsed.TotalSeconds:F2} s, {pdf.Length / 1024} KiB"));
        return new RenderRun(month, elapsed, stages.Stages);
    }

    /// <summary>What the in-process engine measured.</summary>
    private sealed record MemoryRun(List<(string Kind, long Records, TimeSpan Elapsed)> Rates, long Heap, long WorkingSet,
        AheadRun Ahead, RenderRun First, RenderRun Cold, RenderRun Warm, RenderRun Again, Latency Archived, Latency Summaries, Latency CentreSummary);

    /// <summary>Training ahead after ingestion: until the outlook was ready, the training itself, and how many trainings it took.</summary>
    private sealed record AheadRun(TimeSpan ReadyAfter, TimeSpan Training, int Trainings);

    /// <summary>One render of a month's pack, in total and by stage.</summary>
    private sealed record RenderRun(PackMonth Month, TimeSpan Total, List<(string Stage, TimeSpan Elapsed)> Stages);

    /// <summary>What a silo process on a durable store measured: its ingestion, the restart after a SIGKILL, and the
    /// restarted process's resident memory once it served the correct summary.</summary>
    private sealed record RestartRun(string Store, List<(string Kind, long Records, TimeSpan Elapsed)> Rates, TimeSpan ToHealth,
        TimeSpan ToCorrectSummary, long WorkingSet, TeamReads? TeamReads = null);

    /// <summary>Scorecards and roster as the demo puts them, then each kind's batches (a few requests in flight), timed per kind.</summary>
    private static async Task<List<(string Kind, long Records, TimeSpan Elapsed)>> Feed(HttpClient http, CentreSimulation centre, ScaleSpool spool,
        TextWriter log, string name)
    {
        var api = new ApiClient(http, TextWriter.Null);
        foreach (var (_, validFrom, definition) in centre.ScorecardVersions) await api.PutScorecard(DemoScorecard.Id, definition, validFrom);
        await Parallel.ForEachAsync(centre.Roster(), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (entry, _) => await api.PutAgent(entry));
        var rates = new List<(string, long, TimeSpan)>();
        foreach (var kind in spool.Kinds)
        {
            var clock = Stopwatch.StartNew();
            var pending = new List<Task>();
            var done = 0;
            foreach (var batch in kind.Batches)
            {
                if (pending.Count == InFlight) pending.Remove(await Task.WhenAny(pending));
                pending.Add(EngineRun.Post(http, kind.Path, await spool.Read(batch)));
                if (++done % 100 == 0) log.WriteLine($"  {name}: {kind.Name} {done}/{kind.Batches.Count} batches, {clock.Elapsed.TotalSeconds:F1} s");
            }
            await Task.WhenAll(pending);
            rates.Add((kind.Name, kind.Records, clock.Elapsed));
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {kind.Records:N0} {kind.Name} in {clock.Elapsed.TotalSeconds:F1} s"));
        }
        return rates;
    }

    private static async Task<RestartRun> PostgresRestart(CentreSimulation centre, ScaleSpool spool, TextWriter log)
    {
        log.WriteLine("starting a throw-away PostgreSQL server ...");
        await using var postgres = await ThrowAwayPostgres.Start();
        var database = await postgres.CreateDatabase("bench_scale");
        var run = await Restart("PostgreSQL", ["--Storage:Provider=Postgres", $"--ConnectionStrings:Postgres={database}"], centre, spool, log);
        return run with { TeamReads = await TeamReads.Measure(database, centre.TeamIds, log) };
    }

    /// <summary>The same on a throw-away Azurite, with shard checkpoints (<c>Azure:Storage:CheckpointEvery</c>'s default) or
    /// without (never folded); if a step fails and the emulator has died, the error carries the end of its log.</summary>
    private static async Task<RestartRun> AzureRestart(CentreSimulation centre, ScaleSpool spool, TextWriter log, bool checkpoints)
    {
        log.WriteLine("starting a throw-away Azurite (npm) ...");
        await using var azurite = await ThrowAwayAzurite.Start();
        log.WriteLine($"  its log: {azurite.LogFile}");
        try
        {
            var run = await Restart(checkpoints ? "Azure Storage on Azurite" : "Azure Storage on Azurite, no checkpoints",
                ["--Storage:Provider=Azure", $"--ConnectionStrings:AzureStorage={azurite.ConnectionString}", "--Azure:Storage:Prefix=scale",
                    $"--Azure:Storage:CheckpointEvery={(checkpoints ? AzureFactStore.DefaultCheckpointEvery : int.MaxValue)}"], centre, spool, log);
            log.WriteLine($"  Azurite's working set {azurite.WorkingSet / 1e6:N0} MB");
            return run;
        }
        catch (Exception e) when (azurite.HasExited)
        {
            throw new InvalidOperationException($"Azurite died during the run; the end of its log ({azurite.LogFile}):\n{azurite.Tail()}", e);
        }
    }

    /// <summary>A silo process on a durable store fed the centre, killed (SIGKILL) once the centre summary is read, then
    /// started again: the time from the new process's start to its first centre summary equal to the one read before.</summary>
    private static async Task<RestartRun> Restart(string store, string[] settings, CentreSimulation centre, ScaleSpool spool, TextWriter log)
    {
        string expected;
        List<(string, long, TimeSpan)> rates;
        SiloPorts ports;
        await using (var silo = await SiloProcess.Start(settings))
        {
            using var http = Client(silo.Url);
            log.WriteLine($"silo process, {store}: ingestion ...");
            try
            {
                rates = await Feed(http, centre, spool, log, store);
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidOperationException($"{e.Message}\nthe end of the silo's output:\n{silo.Output}", e);
            }
            expected = await CentreFigures(http);
            log.WriteLine($"  working set {silo.WorkingSet / 1e6:N0} MB; killing the silo process (SIGKILL) and starting it again ...");
            ports = silo.Ports;
            silo.Kill();
        }
        var clock = Stopwatch.StartNew();
        // On the same ports, as a service manager restarts it (see SiloProcess.Start).
        await using var restarted = await SiloProcess.Start(settings, ports);
        var health = clock.Elapsed;
        using var client = Client(restarted.Url);
        string served;
        while ((served = await CentreFiguresOrError(client)) != expected)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10))
                throw new InvalidOperationException($"the restarted silo did not serve the centre summary it served before the kill within 10 minutes: before {expected}; now {served}");
            await Task.Delay(100);
        }
        var toSummary = clock.Elapsed;
        var workingSet = restarted.WorkingSet;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {store}: correct centre summary {toSummary.TotalSeconds:F2} s after the restart; working set {workingSet / 1e6:N0} MB"));
        return new RestartRun(store, rates, health, toSummary, workingSet);
    }

    private static readonly string[] ContractFields = ["interactions", "surveys", "evaluations", "qaScore", "csat", "nps", "ahtSeconds", "fcrRate"];

    /// <summary>The centre's figures over all time that the data contract names (a rebuilt aggregate may add its doubles in
    /// another order, so they are compared to nine significant digits).</summary>
    private static async Task<string> CentreFigures(HttpClient http)
    {
        using var doc = JsonDocument.Parse(await http.GetStringAsync("/api/centre/summary"));
        var centre = doc.RootElement.GetProperty("centre");
        return string.Join(", ", ContractFields.Select(f => centre.GetProperty(f) is { ValueKind: JsonValueKind.Number } v
            ? $"{f} {v.GetDouble().ToString("G9", CultureInfo.InvariantCulture)}" : $"{f} null"));
    }

    /// <summary>The centre's figures, or the error a silo still rebuilding answers with (a grain call timing out while the
    /// log is read is a 500, not the end of the measurement).</summary>
    private static async Task<string> CentreFiguresOrError(HttpClient http)
    {
        try
        {
            return await CentreFigures(http);
        }
        catch (HttpRequestException e)
        {
            return $"error: {e.Message}";
        }
    }

    private static void Print(TextWriter log, SimulationOptions o, ScaleSpool spool, PackMonth month, MemoryRun? m, List<RestartRun> restarts)
    {
        var perMillion = spool.Records / 1e6;
        string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
        log.WriteLine();
        log.WriteLine($"| bench --scale: {o.Agents} agents, {o.Teams} teams, {o.Months} months (seed {o.Seed}), {spool.Records:N0} records | value |");
        log.WriteLine("| --- | ---: |");
        var engines = (m is null ? [] : new[] { ("in-process storage", m.Rates) }).Concat(restarts.Select(r => ($"{r.Store}, silo process", r.Rates)));
        foreach (var (engine, rates) in engines)
            foreach (var (kind, records, elapsed) in rates)
                log.WriteLine($"| ingestion, {engine}: {records:N0} {kind}, records/s (HTTP, NDJSON) | {F(records / elapsed.TotalSeconds, "N0")} |");
        if (m is not null)
        {
            log.WriteLine($"| resident managed heap after a full GC, MB (in-process storage) | {F(m.Heap / 1e6, "N0")} |");
            log.WriteLine($"| the same per million records, MB | {F(m.Heap / 1e6 / perMillion, "N0")} |");
            log.WriteLine($"| the same per record, bytes | {F((double)m.Heap / spool.Records, "N0")} |");
            log.WriteLine($"| process working set, MB (engine and benchmark in one process) | {F(m.WorkingSet / 1e6, "N0")} |");
            log.WriteLine($"| whole-centre pack {month}: next-peak outlook trained ahead, ready s after ingestion ended (data quiet {F(TrainAheadQuiet.TotalSeconds, "F0")} s, looked at every {F(TrainAheadEvery.TotalSeconds, "F0")} s) | {F(m.Ahead.ReadyAfter.TotalSeconds, "F2")} |");
            log.WriteLine($"| &nbsp;&nbsp;of which training (trainings: {m.Ahead.Trainings}), s | {F(m.Ahead.Training.TotalSeconds, "F2")} |");
            Render("first render, outlook trained ahead (gather and PDF, in-process; the process's first pack)", m.First);
            Render("first render, outlook not trained ahead (the render trains it; the process rendered a pack before)", m.Cold);
            Render("first render, outlook trained beforehand (the process rendered packs before)", m.Warm);
            Render("rendered again after a contact of the next month arrived (outlook kept)", m.Again);
            log.WriteLine($"| archived pack served again through the API, p50 / p99 ms ({m.Archived.Samples} calls) | {F(m.Archived.P50, "F1")} / {F(m.Archived.P99, "F1")} |");
            log.WriteLine($"| agent and team summaries (HTTP), p50 / p99 ms ({m.Summaries.Samples} calls) | {F(m.Summaries.P50, "F2")} / {F(m.Summaries.P99, "F2")} |");
            log.WriteLine($"| centre summary (HTTP), p50 / p99 ms ({m.CentreSummary.Samples} calls) | {F(m.CentreSummary.P50, "F2")} / {F(m.CentreSummary.P99, "F2")} |");
        }
        foreach (var r in restarts)
        {
            log.WriteLine($"| {r.Store}: restarted silo process answers /health, s after start | {F(r.ToHealth.TotalSeconds, "F2")} |");
            log.WriteLine($"| {r.Store}: restart to the first correct centre summary (after SIGKILL), s | {F(r.ToCorrectSummary.TotalSeconds, "F2")} |");
            log.WriteLine($"| {r.Store}: restarted silo's working set then, MB (per million records) | {F(r.WorkingSet / 1e6, "N0")} ({F(r.WorkingSet / 1e6 / perMillion, "N0")}) |");
            if (r.TeamReads is { } reads)
            {
                log.WriteLine($"| {r.Store}: {reads.Teams} teams' tallies read as rows and joined in process, one team at a time (rebuild before), s | {F(reads.AsRows.TotalSeconds, "F2")} |");
                log.WriteLine($"| {r.Store}: {reads.Teams} teams' tallies summed by PostgreSQL in one read (rebuild now), s | {F(reads.AsSums.TotalSeconds, "F2")} |");
            }
        }

        void Render(string what, RenderRun run)
        {
            log.WriteLine($"| whole-centre pack {run.Month}, {what}, s | {F(run.Total.TotalSeconds, "F2")} |");
            foreach (var (stage, elapsed) in run.Stages) log.WriteLine($"| &nbsp;&nbsp;{stage}, s | {F(elapsed.TotalSeconds, "F2")} |");
        }
    }

    /// <summary>One handled contact a week after the simulated period, as NDJSON.</summary>
    private static byte[] LaterContact(CentreSimulation centre)
    {
        var agent = centre.Agents[0];
        var startedAt = new DateTimeOffset(centre.Options.End.AddDays(7).ToDateTime(new TimeOnly(10, 0)), centre.Options.LocalOffset);
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            ContractJson.Write(writer, new Interaction("scale-bench-later-1", Channel.Call, agent.AgentId, agent.FinalTeamId, "billing", startedAt, 300, null, null, null));
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Bytes on the managed heap after a full, compacting collection (large objects included).</summary>
    private static long ManagedHeap()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static HttpClient Client(Uri url) => new() { BaseAddress = url, Timeout = TimeSpan.FromMinutes(10) };

    /// <summary>Times the pack's stages: each report starts a stage and ends the one before.</summary>
    private sealed class StageClock(TextWriter log) : IProgress<string>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private string? _current;

        public List<(string Stage, TimeSpan Elapsed)> Stages { get; } = new();

        public void Report(string value)
        {
            Stop();
            _current = value;
            log.WriteLine($"    {value} ...");
        }

        public void Stop()
        {
            if (_current is not null) Stages.Add((_current, _clock.Elapsed));
            _current = null;
            _clock.Restart();
        }
    }
}
