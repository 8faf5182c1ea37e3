using System.Diagnostics;
using System.Globalization;
using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Joins;
using QmInsights.Domain.Periods;
using QmInsights.Domain.Scorecards;
using QmInsights.Domain.Simulation;
using QmInsights.Storage;

namespace QmInsights.Silo.Bench;

/// <summary><c>bench --rows</c>: resident bytes per record of the shards' rows, measured as the managed heap after a full
/// collection before and after the simulated centre's facts are loaded into 16 shards, once as the compact
/// <see cref="ShardRows"/> and once as the earlier representation (a dictionary of <see cref="InteractionJoin"/> records,
/// the baseline); then how long a one-month query's scan takes over the day index and over every row.</summary>
/// <remarks>Facts are generated one agent-month at a time and their strings copied, as a deserialised request's would
/// be, so the measurement holds the rows and nothing of the generator. In-process only: the engine's grain storage and
/// Orleans add their own overhead on top (see <c>bench --scale</c> for the whole process).</remarks>
public static class RowsBench
{
    public static int Run(TextWriter log, SimulationOptions options)
    {
        var centre = new CentreSimulation(options);
        var history = new ScorecardHistory(centre.ScorecardVersions.Select(v => new ScorecardVersion(DemoScorecard.Id, v.Version, v.ValidFrom, v.Definition)));
        log.WriteLine($"{options.Agents} agents, {options.Teams} teams, {options.Months} months; loading into {Shards.Count} shards ...");

        var baseline = Measure(log, "dictionary of InteractionJoin records (baseline)", centre, history, () => new Baseline());
        var compact = Measure(log, "compact rows (ShardRows)", centre, history, () => new Compact());

        log.WriteLine();
        log.WriteLine($"| shard rows | records | resident MB | bytes per record | load seconds | one-month scan ms |");
        log.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var m in new[] { baseline, compact })
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {m.What} | {m.Records:N0} | {m.Bytes / 1048576.0:F0} | {m.Bytes / (double)m.Records:F0} | {m.Load.TotalSeconds:F1} | {m.MonthScan.TotalMilliseconds:F1} |"));
        log.WriteLine();
        log.WriteLine("records = interactions + surveys + evaluations; a one-month scan counts the evaluated contacts of the middle month in every shard");
        return 0;
    }

    private sealed record Measurement(string What, long Records, long Bytes, TimeSpan Load, TimeSpan MonthScan);

    private static Measurement Measure(TextWriter log, string what, CentreSimulation centre, ScorecardHistory history, Func<IRows> create)
    {
        log.WriteLine($"  {what} ...");
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var shards = Enumerable.Range(0, Shards.Count).Select(_ => create()).ToArray();
        var clock = Stopwatch.StartNew();
        long records = 0;
        var changes = new AggregateChanges();
        foreach (var month in centre.AgentMonths())
        {
            foreach (var contact in month.Contacts)
            {
                var i = contact.Interaction;
                var shard = shards[Shards.Of(i.InteractionId)];
                shard.Add(Fresh(i), changes);
                records++;
                if (contact.Survey is { } s)
                {
                    shard.Add(s with { InteractionId = Copy(s.InteractionId) }, changes);
                    records++;
                }
            }
            foreach (var e in month.Evaluations)
            {
                var score = ScoreCalculator.Score(history.Resolve(e.ScorecardId, e.ScorecardVersion, e.EvaluatedAt).Version!, e.Answers);
                shards[Shards.Of(e.InteractionId)].Add(new ScoredEvaluation(Fresh(e), score), changes);
                records++;
            }
            changes = new AggregateChanges();
        }
        var load = clock.Elapsed;
        var bytes = GC.GetTotalMemory(forceFullCollection: true) - before;

        var middle = centre.Options.Start.AddMonths(centre.Options.Months / 2);
        clock.Restart();
        var evaluated = shards.Sum(s => s.EvaluatedBetween(middle, middle.AddMonths(1).AddDays(-1)));
        var scan = clock.Elapsed;
        log.WriteLine($"    {records:N0} records, {bytes / 1048576.0:F0} MB, {evaluated:N0} evaluated contacts in {middle:yyyy-MM}");
        GC.KeepAlive(shards);
        return new Measurement(what, records, bytes, load, scan);
    }

    // A request's strings are its own: copy them so no row shares the generator's.
    private static string Copy(string s) => new(s.AsSpan());

    private static Interaction Fresh(Interaction i) => i with
    {
        InteractionId = Copy(i.InteractionId), AgentId = i.AgentId is null ? null : Copy(i.AgentId),
        TeamId = i.TeamId is null ? null : Copy(i.TeamId), Queue = Copy(i.Queue),
    };

    private static Evaluation Fresh(Evaluation e) => e with
    {
        EvaluationId = Copy(e.EvaluationId), InteractionId = Copy(e.InteractionId), AgentId = Copy(e.AgentId),
        EvaluatorId = Copy(e.EvaluatorId), ScorecardId = Copy(e.ScorecardId),
        Answers = [.. e.Answers.Select(a => a with { ItemId = Copy(a.ItemId) })],
    };

    private interface IRows
    {
        void Add(Interaction interaction, AggregateChanges changes);
        void Add(Survey survey, AggregateChanges changes);
        void Add(ScoredEvaluation evaluation, AggregateChanges changes);
        int EvaluatedBetween(DateOnly from, DateOnly to);
    }

    private sealed class Compact : IRows
    {
        private readonly ShardRows _rows = new();
        private readonly InteractionBook _book;

        public Compact() => _book = new InteractionBook(_rows);

        public void Add(Interaction interaction, AggregateChanges changes) => _book.Apply(0, interaction, changes);
        public void Add(Survey survey, AggregateChanges changes) => _book.Apply(0, survey, changes);
        public void Add(ScoredEvaluation evaluation, AggregateChanges changes) => _book.Apply(0, evaluation, changes);
        public int EvaluatedBetween(DateOnly from, DateOnly to) => _rows.Contacts(from, to, evaluatedOnly: true).Count();
    }

    // The representation before compact rows: one InteractionJoin per interaction id, holding the records as they came,
    // changed in place with the same contribution bookkeeping the book does, and a query that scans every row (what
    // the shard grain did).
    private sealed class Baseline : IRows
    {
        private readonly Dictionary<string, InteractionJoin> _rows = new(StringComparer.Ordinal);

        private void Change(string id, AggregateChanges changes, Action<InteractionJoin> change)
        {
            if (!_rows.TryGetValue(id, out var row)) _rows[id] = row = new InteractionJoin();
            JoinContribution.AddTo(row, changes, -1);
            change(row);
            JoinContribution.AddTo(row, changes, +1);
        }

        public void Add(Interaction interaction, AggregateChanges changes) => Change(interaction.InteractionId, changes, r => r.Interaction = interaction);
        public void Add(Survey survey, AggregateChanges changes) => Change(survey.InteractionId, changes, r => r.Survey = survey);
        public void Add(ScoredEvaluation evaluation, AggregateChanges changes) =>
            Change(evaluation.Evaluation.InteractionId, changes, r => r.Evaluations.Add(evaluation));
        public int EvaluatedBetween(DateOnly from, DateOnly to) => _rows.Values.Count(r =>
            r.Evaluations.Count > 0 && r.Interaction is { } i && CentreCalendar.Utc.DayOf(i.StartedAt) is var day && day >= from && day <= to);
    }
}
