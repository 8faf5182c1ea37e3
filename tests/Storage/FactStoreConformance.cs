using System.Collections.Immutable;
using System.Text.Json;
using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Joins;
using QmInsights.Domain.Periods;
using QmInsights.Domain.Retention;
using QmInsights.Domain.Scorecards;
using QmInsights.Storage;

namespace QmInsights.Tests.Storage;

/// <summary>What every durable fact store must do, run against each one (a subclass per store gives a fresh, empty
/// store). A new store is a new folder under storage/ and a subclass of this that passes.</summary>
public abstract class FactStoreConformance
{
    /// <summary>An empty store of its own, so tests sharing a server do not see each other's facts.</summary>
    protected abstract Task<IFactStore> NewStore();

    private static readonly DateTimeOffset Day = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private static Interaction Contact(string id, string agent = "ag-1", string team = "tm-1") =>
        new(id, Channel.Call, agent, team, "billing", Day, 300, 30, 12, true);

    private static ScoredEvaluation Scored(string id, string interactionId, int revision = 1, string agent = "ag-1", double percent = 80,
        string scorecard = "sc-1") => new(
        new Evaluation(id, interactionId, agent, "qa-1", scorecard, 1, EvaluationKind.Regular, Day.AddHours(2),
            [new ItemResponse("greet", ItemAnswer.Yes), new ItemResponse("verify", ItemAnswer.No)], "fine \u00e9", revision),
        new EvaluationScore(percent, false, percent / 20, 5, 1, 75));

    private static ShardCommit Commit(IReadOnlyList<Interaction>? interactions = null, IReadOnlyList<Survey>? surveys = null,
        IReadOnlyList<ScoredEvaluation>? evaluations = null) =>
        new(interactions ?? [], surveys ?? [], evaluations ?? [],
            (interactions ?? []).Select(i => i.AgentId).OfType<string>().Concat((evaluations ?? []).Select(e => e.Evaluation.AgentId)).Distinct().ToList(),
            (interactions ?? []).Select(i => i.TeamId).OfType<string>().Distinct().ToList(),
            (evaluations ?? []).Select(e => e.Evaluation.ScorecardId).Distinct().ToList());

    [Fact]
    public async Task A_committed_shard_loads_back_with_every_fact_unchanged_and_its_batch()
    {
        var store = await NewStore();
        Assert.True(store.IsDurable);
        var contact = Contact("i-1");
        var survey = new Survey("i-1", Day.AddHours(1), 4, 9);
        var evaluation = Scored("e-1", "i-1");
        var batch = await store.Commit(3, Commit([contact], [survey], [evaluation]));
        Assert.NotNull(batch);

        var loaded = await store.LoadShard(3);
        var row = Assert.Single(loaded.Rows).Value;
        Assert.Equal(contact, row.Interaction);
        Assert.Equal(survey, row.Survey);
        Assert.Equal(evaluation, Assert.Single(row.Evaluations));
        Assert.Equal([batch!.Value], loaded.Batches);
        Assert.True(loaded.Retired.IsEmpty);
        Assert.Empty((await store.LoadShard(4)).Rows);
    }

    [Fact]
    public async Task A_shard_slice_holds_the_rows_whose_contact_started_in_its_window_ids_or_agent()
    {
        var store = await NewStore();
        var march = Contact("i-march");
        var january = Contact("i-january", agent: "ag-2") with { StartedAt = Day.AddMonths(-2) };
        // A late survey of the January contact and an evaluation waiting for its contact: rows that straddle the window.
        var lateSurvey = new Survey("i-january", Day.AddDays(1), 5, 10);
        var waiting = Scored("e-waiting", "i-waiting", agent: "ag-2");
        await store.Commit(6, Commit([march, january], [lateSurvey], [waiting, Scored("e-1", "i-march")]));
        var window = Day.AddDays(-1);

        async Task<string[]> Ids(ShardSlice slice) => (await store.LoadShard(6, slice)).Rows.Keys.Order().ToArray();
        Assert.Equal(["i-january", "i-march", "i-waiting"], await Ids(ShardSlice.Whole));
        Assert.Equal(["i-march", "i-waiting"], await Ids(new ShardSlice(Since: window)));
        Assert.Equal(["i-january"], await Ids(new ShardSlice(Before: window)));
        Assert.Equal(["i-january"], await Ids(new ShardSlice(Day.AddMonths(-3), window)));
        Assert.Empty(await Ids(new ShardSlice(Day.AddMonths(-1), window)));
        Assert.Equal(["i-january", "i-waiting"], await Ids(new ShardSlice(InteractionIds: ["i-january", "i-waiting", "i-unknown"])));
        Assert.Equal(["i-january", "i-waiting"], await Ids(new ShardSlice(AgentId: "ag-2")));
        Assert.Equal(["i-january"], await Ids(new ShardSlice(Before: window, AgentId: "ag-2")));
        // The whole row comes, late survey included.
        Assert.Equal(lateSurvey, (await store.LoadShard(6, new ShardSlice(Before: window))).Rows["i-january"].Survey);
    }

    [Fact]
    public async Task A_shard_tells_whether_it_holds_a_contact_started_before_an_instant()
    {
        var store = await NewStore();
        var window = Day.AddDays(-1);
        // Shard 7: a January contact; shard 8: a March contact and an evaluation waiting for an older contact id.
        await store.Commit(7, Commit([Contact("i-january") with { StartedAt = Day.AddMonths(-2) }]));
        await store.Commit(8, Commit([Contact("i-march")], evaluations: [Scored("e-waiting", "i-waiting")]));

        Assert.True(await store.HoldsContactsBefore(7, window));
        Assert.False(await store.HoldsContactsBefore(7, Day.AddMonths(-2))); // its start is not before itself
        Assert.False(await store.HoldsContactsBefore(8, window)); // a waiting row has no contact: it is loaded with the newest
        Assert.True(await store.HoldsContactsBefore(8, Day.AddSeconds(1)));
        Assert.False(await store.HoldsContactsBefore(9, DateTimeOffset.MaxValue));
    }

    [Fact]
    public async Task Facts_at_the_edges_of_their_types_load_back_unchanged()
    {
        var store = await NewStore();
        // An abandoned contact (no agent, team, work or outcome flags), multi-byte text, fractional milliseconds, an
        // instant before 2000 (a negative count of microseconds) and one with an offset.
        var abandoned = new Interaction("i-\u00e9\u4e2d\ud83d\ude00", Channel.Chat, null, null, "caf\u00e9 \u2615",
            new DateTimeOffset(1999, 12, 31, 23, 59, 59, 999, TimeSpan.Zero).AddTicks(9990), 0.1 + 0.2, null, null, null, ContactOutcome.Abandoned);
        var offset = Contact("i-offset") with { StartedAt = new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.FromHours(-5)), HandleSeconds = 1e-3 };
        var survey = new Survey("i-offset", Day.AddHours(1), null, null);
        var bare = new ScoredEvaluation(
            new Evaluation("e-\u00fc", "i-offset", "ag-\u00f8", "qa-1", "sc-1", null, EvaluationKind.Calibration, Day.AddHours(3), [], null, 3,
                EvaluationSelection.Targeted, 0.125),
            new EvaluationScore(null, true, 0, 0, 2, 80.5));
        await store.Commit(11, Commit([abandoned, offset], [survey], [bare]));

        var rows = (await store.LoadShard(11)).Rows;
        Assert.Equal(abandoned, rows[abandoned.InteractionId].Interaction);
        Assert.Equal(offset, rows["i-offset"].Interaction); // the same instant (the offset is not stored)
        Assert.Equal(survey, rows["i-offset"].Survey);
        Assert.Equal(bare, Assert.Single(rows["i-offset"].Evaluations));
    }

    [Fact]
    public async Task Agents_teams_and_scorecards_load_every_row_they_take_part_in()
    {
        var store = await NewStore();
        // ag-2 evaluated on ag-1's contact (a revision landing on another agent counts for the evaluated agent).
        await store.Commit(1, Commit([Contact("i-1", "ag-1", "tm-1")]));
        await store.Commit(2, Commit([Contact("i-2", "ag-2", "tm-2")], evaluations: [Scored("e-2", "i-2", agent: "ag-2", scorecard: "sc-2")]));
        await store.Commit(1, Commit(evaluations: [Scored("e-3", "i-1", agent: "ag-2")]));

        Assert.Equal(["i-1"], (await store.LoadForAgent("ag-1")).Rows.Keys);
        Assert.Equal(["i-1", "i-2"], (await store.LoadForAgent("ag-2")).Rows.Keys.Order());
        Assert.Equal(["i-2"], (await store.LoadForTeam("tm-2")).Rows.Keys);
        var bySc1 = await store.LoadForScorecard("sc-1");
        Assert.Equal(["i-1"], bySc1.Rows.Keys);
        Assert.NotNull(bySc1.Rows["i-1"].Interaction); // the whole row, not only the evaluation that matched
        Assert.Equal(2, bySc1.Batches.Count);
        await AssertIds(store, ["ag-1", "ag-2"], ["tm-1", "tm-2"], ["sc-1", "sc-2"]);
        var bindings = await store.LoadEvaluationBindings(Shards.Of("e-3"));
        Assert.Equal("i-1", bindings["e-3"]);
        Assert.All(bindings.Keys, id => Assert.Equal(Shards.Of("e-3"), Shards.Of(id)));
    }

    [Fact]
    public async Task A_later_revision_is_current_and_the_earlier_one_is_kept_as_replaced()
    {
        var store = await NewStore();
        await store.Commit(5, Commit([Contact("i-1")], evaluations: [Scored("e-1", "i-1", revision: 1, percent: 60)]));
        await store.Commit(5, Commit(evaluations: [Scored("e-1", "i-1", revision: 2, percent: 90)]));

        var row = (await store.LoadShard(5)).Rows["i-1"];
        Assert.Equal(2, Assert.Single(row.Evaluations).Evaluation.Revision);
        Assert.Equal(1, Assert.Single(row.Replaced).Evaluation.Revision);
        Assert.Equal([("e-1", 1), ("e-1", 2)], (await All(store)).Select(e => (e.Evaluation.EvaluationId, e.Evaluation.Revision)));
    }

    [Fact]
    public async Task A_commit_is_pending_in_the_outbox_until_marked_applied()
    {
        var store = await NewStore();
        var first = (await store.Commit(0, Commit([Contact("i-1", "ag-1", "tm-1")], evaluations: [Scored("e-1", "i-1")])))!.Value;
        var second = (await store.Commit(1, Commit([Contact("i-2", "ag-2", "tm-2")])))!.Value;
        Assert.NotEqual(first, second);

        Assert.Empty(await store.Pending(TimeSpan.FromHours(1))); // in flight, not lost
        var pending = await store.Pending(TimeSpan.Zero);
        Assert.Equal([first, second], pending.Select(p => p.BatchId).Order());
        var firstPending = pending.Single(p => p.BatchId == first);
        Assert.Equal(["ag-1"], firstPending.Agents);
        Assert.Equal(["tm-1"], firstPending.Teams);
        Assert.Equal(["sc-1"], firstPending.Scorecards);

        await store.MarkApplied([first]);
        await store.MarkApplied([first, second]); // twice (recovery on two silos) is harmless
        Assert.Empty(await store.Pending(TimeSpan.Zero));
    }

    [Fact]
    public async Task Commits_arriving_together_each_keep_their_own_shard_batch_and_outbox_row()
    {
        // Every shard of a chunk commits at once; a store may write them in one transaction, but each stays its own batch.
        var store = await NewStore();
        var shards = Enumerable.Range(0, Shards.Count).ToList();
        var batches = await Task.WhenAll(shards.Select(shard => store.Commit(shard, Commit(
            [Contact($"i-{shard}", $"ag-{shard}", "tm-1")], [new Survey($"i-{shard}", Day.AddHours(1), 5, null)],
            [Scored($"e-{shard}", $"i-{shard}", agent: $"ag-{shard}")]))));
        Assert.Equal(shards.Count, batches.Select(b => b!.Value).Distinct().Count());

        foreach (var shard in shards)
        {
            var loaded = await store.LoadShard(shard);
            var row = Assert.Single(loaded.Rows);
            Assert.Equal($"i-{shard}", row.Key);
            Assert.NotNull(row.Value.Survey);
            Assert.Equal($"e-{shard}", Assert.Single(row.Value.Evaluations).Evaluation.EvaluationId);
            Assert.Equal([batches[shard]!.Value], loaded.Batches);
        }
        var pending = await store.Pending(TimeSpan.Zero);
        Assert.Equal(shards.Select(s => ($"ag-{s}", batches[s]!.Value)).Order(),
            pending.Select(p => (Assert.Single(p.Agents), p.BatchId)).Order());
    }

    [Fact]
    public async Task Retiring_rows_deletes_their_facts_and_keeps_their_tallies_so_aggregates_stay_exact()
    {
        var store = await NewStore();
        await store.Commit(7, Commit([Contact("i-old", "ag-1", "tm-1"), Contact("i-new", "ag-1", "tm-1")],
            [new Survey("i-old", Day, 5, 10)], [Scored("e-old", "i-old"), Scored("e-new", "i-new")]));
        var before = await store.LoadForAgent("ag-1");
        var exact = JoinContribution.Of(before.Rows.Values);

        var retirement = Retirement.Of((await store.LoadShard(7)).Rows, row => row.Interaction!.InteractionId == "i-old");
        await store.Retire(7, retirement);

        Assert.Equal(["i-new"], (await store.LoadShard(7)).Rows.Keys);
        var after = await store.LoadForAgent("ag-1");
        Assert.Equal(["i-new"], after.Rows.Keys);
        // Remaining facts plus retired tallies give the totals the deleted facts gave.
        Assert.Equal(Json(new AggregateChanges { Agents = exact.Agents }),
            Json(new AggregateChanges { Agents = JoinContribution.Of(after.Rows.Values, after.Retired).Agents }));
        var retiredContribution = JoinContribution.Of(before.Rows.Values.Where(r => r.Interaction!.InteractionId == "i-old"));
        Assert.Equal(Json(new AggregateChanges { Teams = retiredContribution.Teams }), Json((await store.LoadForTeam("tm-1")).Retired));
        Assert.Equal(Json(new AggregateChanges { Scorecards = retiredContribution.Scorecards }), Json((await store.LoadForScorecard("sc-1")).Retired));
        Assert.Equal(["e-new"], (await All(store)).Select(e => e.Evaluation.EvaluationId));

        // Everything retired: the aggregates are still named (their tallies remain).
        await store.Retire(7, Retirement.Of((await store.LoadShard(7)).Rows, _ => true));
        Assert.Empty((await store.LoadShard(7)).Rows);
        await AssertIds(store, ["ag-1"], ["tm-1"], ["sc-1"]);
    }

    [Fact]
    public async Task Erasing_an_agent_forgets_its_tallies_and_its_name_in_the_outbox_but_keeps_the_team_totals()
    {
        var store = await NewStore();
        await store.Commit(9, Commit([Contact("i-1", "ag-gone", "tm-1"), Contact("i-2", "ag-stays", "tm-1")]));
        await store.Retire(9, Retirement.Of((await store.LoadShard(9)).Rows, _ => true));
        await store.Commit(9, Commit([Contact("i-3", "ag-gone", "tm-1")]));

        await store.Retire(9, Retirement.Of((await store.LoadShard(9)).Rows, r => r.Interaction!.AgentId == "ag-gone", forget: "ag-gone"));
        await store.ForgetAgentTallies("ag-gone");

        var gone = await store.LoadForAgent("ag-gone");
        Assert.Empty(gone.Rows);
        Assert.True(gone.Retired.IsEmpty);
        Assert.False((await store.LoadForAgent("ag-stays")).Retired.IsEmpty);
        Assert.Equal(3, Count((await store.LoadForTeam("tm-1")).Retired)); // the erased agent's contact still counts for its team
        var (agents, _, _) = await store.AggregateIds();
        Assert.Equal(["ag-stays"], agents);
        Assert.All(await store.Pending(TimeSpan.Zero), p => Assert.DoesNotContain("ag-gone", p.Agents));
    }

    [Fact]
    public async Task Retired_tallies_dated_outside_a_window_can_be_discarded_and_the_others_stay()
    {
        var store = await NewStore();
        await store.Commit(4, Commit([Contact("i-1", "ag-1", "tm-1"), Contact("i-2", "ag-1", "tm-1") with { StartedAt = Day.AddYears(3) }]));
        await store.Retire(4, Retirement.Of((await store.LoadShard(4)).Rows, _ => true));
        Assert.Equal(2, Count((await store.LoadForTeam("tm-1")).Retired));

        await store.DiscardRetiredTallies(DateOnly.FromDateTime(Day.UtcDateTime).AddDays(-1), DateOnly.FromDateTime(Day.UtcDateTime).AddYears(1));
        Assert.Equal(1, Count((await store.LoadForTeam("tm-1")).Retired));
        Assert.Equal(1, Count((await store.LoadForAgent("ag-1")).Retired, agents: true));
    }

    [Fact]
    public async Task Updated_scores_replace_the_stored_ones()
    {
        var store = await NewStore();
        await store.Commit(2, Commit([Contact("i-1")], evaluations: [Scored("e-1", "i-1"), Scored("e-2", "i-1")]));
        var rescored = Scored("e-2", "i-1", percent: 40);
        await store.UpdateScores([rescored]);

        Assert.Equal([80.0, 40.0], (await All(store)).Select(e => e.Score.Percent!.Value));
        Assert.Contains(rescored, (await store.LoadShard(2)).Rows["i-1"].Evaluations);
    }

    // Local days: in New York a contact at 03:30 UTC belongs to the day before; Kolkata's offset is half an hour off the hour.
    [Theory]
    [InlineData(TallyOwner.Team, "America/New_York")]
    [InlineData(TallyOwner.Team, "Asia/Kolkata")]
    [InlineData(TallyOwner.Agent, "America/New_York")]
    [InlineData(TallyOwner.Agent, "Asia/Kolkata")]
    public async Task Tallies_read_together_equal_the_join_of_each_ones_rows_and_name_every_batch_they_hold(TallyOwner owner, string zone)
    {
        var store = await NewStore();
        var calendar = CentreCalendar.Of(zone);
        var abandoned = new Interaction("i-ab", Channel.Call, null, null, "billing", Day, 0, null, 40, null, ContactOutcome.Abandoned);
        ScoredEvaluation Kind(ScoredEvaluation e, EvaluationKind kind) => e with { Evaluation = e.Evaluation with { Kind = kind } };
        var unscored = Scored("e-unscored", "i-2", agent: "ag-2");
        unscored = unscored with { Score = unscored.Score with { Percent = null } };
        await store.Commit(1, Commit(
            [Contact("i-1"), Contact("i-2", "ag-2") with { Channel = Channel.Chat, StartedAt = Day.AddHours(-6), HandleSeconds = 245.5, ResolvedFirstContact = null },
                Contact("i-3", team: "tm-2") with { Channel = Channel.Email, StartedAt = Day.AddHours(9.25), ResolvedFirstContact = false }, abandoned],
            [new Survey("i-1", Day.AddHours(1), 4, 9), new Survey("i-2", Day.AddDays(1), 2, null), new Survey("i-3", Day, null, 5),
                new Survey("i-ab", Day, 5, 10)],
            [Scored("e-1", "i-1", percent: 60), Kind(Scored("e-cal", "i-1", percent: 70), EvaluationKind.Calibration),
                Kind(Scored("e-self", "i-2", agent: "ag-2", percent: 62.5), EvaluationKind.Self), unscored,
                Scored("e-early", "i-late", percent: 50), Scored("e-ab", "i-ab"), Scored("e-waiting", "i-waiting"),
                Scored("e-moved", "i-3", percent: 40)]));
        // Revisions (one naming another agent), and the contact the early evaluation waited for, in a later batch.
        await store.Commit(1, Commit([Contact("i-late", team: "tm-2") with { StartedAt = Day.AddDays(-40) }],
            evaluations: [Scored("e-1", "i-1", revision: 2, percent: 90), Scored("e-moved", "i-3", revision: 2, agent: "ag-3", percent: 45)]));
        await store.Commit(3, Commit([Contact("i-old")], [new Survey("i-old", Day, 5, 10)], [Scored("e-old", "i-old", percent: 100)]));
        // Retired rows count through the tallies they left behind.
        await store.Retire(3, Retirement.Of((await store.LoadShard(3)).Rows, r => r.Interaction?.InteractionId == "i-old", calendar: calendar));

        string[] ids = owner == TallyOwner.Team ? ["tm-1", "tm-2", "tm-none"] : ["ag-1", "ag-2", "ag-3", "ag-none"];
        // Every bucket's additive fields in a fixed order (the map put where Json looks for a team's, whoever owns it).
        string Fields(TallyMap<TallyBucket, QualityTally> tallies) => Json(new AggregateChanges { Teams = { ["owner"] = tallies } });
        var together = await store.LoadTallies(owner, ids, calendar);
        foreach (var id in ids)
        {
            var rows = await (owner == TallyOwner.Team ? store.LoadForTeam(id) : store.LoadForAgent(id));
            Assert.Equal(Fields(StoredTallies.Of(owner, id, rows, calendar).Tallies), Fields(together[id].Tallies));
            Assert.Subset(together[id].Batches.ToHashSet(), rows.Batches);
        }
        // tm-1: i-1, i-2 and the retired i-old; ag-1: i-1, i-3, i-late and i-old. ag-3 has only the moved evaluation.
        var first = ids[0];
        Assert.Equal(owner == TallyOwner.Team ? 3 : 4, together[first].Tallies.Buckets.Values.Sum(t => t.Interactions));
        Assert.True(together[ids[^1]].Tallies.IsEmpty);
        if (owner == TallyOwner.Agent) Assert.Equal(45, Assert.Single(together["ag-3"].Tallies.Buckets.Values).Regular.Sum);

        var later = (await store.Commit(4, Commit([Contact("i-4")])))!.Value;
        Assert.DoesNotContain(later, together[first].Batches);
        Assert.Contains(later, (await store.LoadTallies(owner, [first], calendar))[first].Batches);
    }

    private static async Task<List<ScoredEvaluation>> All(IFactStore store)
    {
        var all = new List<ScoredEvaluation>();
        await foreach (var e in store.AllEvaluations()) all.Add(e);
        return all;
    }

    private static async Task AssertIds(IFactStore store, string[] agents, string[] teams, string[] scorecards)
    {
        var ids = await store.AggregateIds();
        Assert.Equal(agents, ids.Agents);
        Assert.Equal(teams, ids.Teams);
        Assert.Equal(scorecards, ids.Scorecards);
    }

    private static int Count(AggregateChanges changes, bool agents = false) =>
        (int)(agents ? changes.Agents : changes.Teams).Values.Sum(map => map.Buckets.Values.Sum(t => t.Interactions));

    /// <summary>Tallies compared by value: every bucket's additive fields, in a fixed order.</summary>
    private static string Json(AggregateChanges changes)
    {
        var options = new JsonSerializerOptions { IncludeFields = true };
        IEnumerable<string> Rows<TBucket, TTally>(string kind, Dictionary<string, TallyMap<TBucket, TTally>> maps)
            where TBucket : notnull where TTally : class, IAdditive<TTally>, new() =>
            maps.SelectMany(m => m.Value.Buckets.Select(b => $"{kind}|{m.Key}|{b.Key}|{JsonSerializer.Serialize(b.Value, options)}"));
        return string.Join("\n", Rows("agent", changes.Agents).Concat(Rows("team", changes.Teams)).Concat(Rows("scorecard", changes.Scorecards))
            .Order(StringComparer.Ordinal));
    }
}
