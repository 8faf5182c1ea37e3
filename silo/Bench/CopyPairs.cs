using System.Diagnostics;
using System.Globalization;
using Npgsql;
using QmInsights.Storage;
using QmInsights.Storage.Postgres;

namespace QmInsights.Silo.Bench;

/// <summary>The engine on PostgreSQL against binary COPY of the same rows, measured as several pairs taken one right
/// after the other, each on fresh databases, so that both sides of a pair see the same machine; the target is judged on
/// the median of the pairs' ratios. Each pair also times what the engine's time is made of: the engine with in-process
/// storage (its own work, no database), and its fact store alone writing the same rows (one commit per shard per kind,
/// as the shards commit them, without the engine in front: what its tables, indexes and outbox rows cost PostgreSQL).</summary>
public sealed record CopyPairs(IReadOnlyList<CopyPair> Pairs)
{
    /// <summary>Runs one unmeasured warm-up pair (so that neither side is timed while its code is still being compiled),
    /// then <paramref name="count"/> pairs, alternating which side goes first so that a machine getting busier or quieter
    /// during the run (or PostgreSQL vacuuming what the previous side wrote) does not favour one side.</summary>
    public static async Task<CopyPairs> Measure(BenchData data, ThrowAwayPostgres postgres, int count, TextWriter log)
    {
        var pairs = new List<CopyPair>();
        for (var n = 0; n <= count; n++)
        {
            log.WriteLine(n == 0 ? "warm-up pair ..." : $"pair {n}/{count}: engine on PostgreSQL, binary COPY, engine in-process, fact store alone ...");
            async Task<TimeSpan> Engine() => (await EngineRun.TimeIngestion(data,
                ["--Storage:Provider=Postgres", $"--ConnectionStrings:Postgres={await postgres.CreateDatabase($"bench_pair_engine_{n}")}"],
                TextWriter.Null, $"pair {n}")).Total;
            async Task<TimeSpan> Copy()
            {
                await using var db = NpgsqlDataSource.Create(await postgres.CreateDatabase($"bench_pair_copy_{n}"));
                return (await SqlBaseline.TimeCopy(db, data)).Total;
            }
            TimeSpan engine, copy;
            if (n % 2 == 1) (engine, copy) = (await Engine(), await Copy());
            else (copy, engine) = (await Copy(), await Engine());
            var memory = (await EngineRun.TimeIngestion(data, [], TextWriter.Null, $"pair {n}")).Total;
            var store = await StoreAlone(data, await postgres.CreateDatabase($"bench_pair_store_{n}"));
            if (n > 0) pairs.Add(new CopyPair(engine, copy, memory, store));
        }
        return new CopyPairs(pairs);
    }

    /// <summary>The median of the pairs' engine / COPY ratios.</summary>
    public double MedianRatio => Median(Pairs.Select(p => p.Ratio));

    /// <summary>Prints one row per pair and the medians.</summary>
    public void Print(TextWriter log, BenchData data)
    {
        log.WriteLine($"| engine on PostgreSQL vs binary COPY, {Pairs.Count} pairs ({data.Records:N0} records each) | engine s | COPY s | engine / COPY | engine in-process s | in-process / COPY | fact store alone s | store / COPY |");
        log.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (var i = 0; i < Pairs.Count; i++)
        {
            var p = Pairs[i];
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| pair {i + 1} | {p.Engine.TotalSeconds:F2} | {p.Copy.TotalSeconds:F2} | {p.Ratio:F2}x | {p.Memory.TotalSeconds:F2} | {p.Memory / p.Copy:F2}x | {p.Store.TotalSeconds:F2} | {p.Store / p.Copy:F2}x |"));
        }
        var ratios = Pairs.Select(p => p.Ratio).ToList();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| **median** (ratios {ratios.Min():F2}x to {ratios.Max():F2}x) | {Median(Pairs.Select(p => p.Engine.TotalSeconds)):F2} | " +
            $"{Median(Pairs.Select(p => p.Copy.TotalSeconds)):F2} | **{MedianRatio:F2}x** | {Median(Pairs.Select(p => p.Memory.TotalSeconds)):F2} | " +
            $"{Median(Pairs.Select(p => p.Memory / p.Copy)):F2}x | {Median(Pairs.Select(p => p.Store.TotalSeconds)):F2} | " +
            $"{Median(Pairs.Select(p => p.Store / p.Copy)):F2}x |"));
    }

    // The engine's store writing the rows as the shards would, each kind after the other: every shard's rows of a kind
    // committed at once, so the store groups them into a few transactions as it does under ingestion.
    private static async Task<TimeSpan> StoreAlone(BenchData data, string connectionString)
    {
        await DatabaseSchema.ApplyAsync(connectionString);
        await using var db = NpgsqlDataSource.Create(connectionString);
        var store = new PostgresFactStore(db);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(data.Interactions.GroupBy(i => Shards.Of(i.InteractionId)).Select(g => store.Commit(g.Key,
            new ShardCommit(g.ToList(), [], [], g.Select(i => i.AgentId).OfType<string>().Distinct().ToList(),
                g.Select(i => i.TeamId).OfType<string>().Distinct().ToList(), []))));
        await Task.WhenAll(data.Surveys.GroupBy(s => Shards.Of(s.InteractionId)).Select(g => store.Commit(g.Key,
            new ShardCommit([], g.ToList(), [], [], [], []))));
        await Task.WhenAll(data.Evaluations.GroupBy(e => Shards.Of(e.Evaluation.InteractionId)).Select(g => store.Commit(g.Key,
            new ShardCommit([], [], g.ToList(), g.Select(e => e.Evaluation.AgentId).Distinct().ToList(), [],
                g.Select(e => e.Evaluation.ScorecardId).Distinct().ToList()))));
        return clock.Elapsed;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

/// <summary>One pair: the engine's ingestion on PostgreSQL, binary COPY of the same rows right before or after it, and
/// beside them the engine with in-process storage and the engine's fact store alone writing the rows.</summary>
public sealed record CopyPair(TimeSpan Engine, TimeSpan Copy, TimeSpan Memory, TimeSpan Store)
{
    /// <summary>The engine's time as a multiple of COPY's.</summary>
    public double Ratio => Engine / Copy;
}
