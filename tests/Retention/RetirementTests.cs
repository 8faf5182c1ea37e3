using System.Text.Json;
using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Joins;
using QmInsights.Domain.Periods;
using QmInsights.Domain.Retention;
using QmInsights.Domain.Scorecards;
using QmInsights.Silo.Api;
using QmInsights.Tests.Aggregates;

namespace QmInsights.Tests.Retention;

public sealed class RetirementTests
{
    private static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    /// <summary>The interaction rows the shards would hold after every fact of <paramref name="facts"/> arrived.</summary>
    private static Dictionary<string, InteractionJoin> Rows(RandomFacts facts)
    {
        var version = new ScorecardVersion("sc", 1, RandomFacts.Start.AddYears(-1), facts.Scorecard);
        var rows = new ShardRows();
        var book = new InteractionBook(rows);
        var changes = new AggregateChanges();
        foreach (var i in facts.Interactions) book.Apply(0, i, changes);
        foreach (var s in facts.Surveys) book.Apply(0, s, changes);
        foreach (var e in facts.Evaluations) book.Apply(0, new ScoredEvaluation(e, ScoreCalculator.Score(version, e.Answers)), changes);
        return rows.All().ToDictionary();
    }

    private static JsonElement Summary(TallyMap<TallyBucket, QualityTally>? tallies) =>
        JsonSerializer.SerializeToElement(SummaryBuilder.Build(tallies ?? new(), null, null, TrendPeriod.Week), Json);

    private static JsonElement Items(TallyMap<ItemBucket, ItemTally>? items) =>
        JsonSerializer.SerializeToElement(items?.Buckets.OrderBy(b => (b.Key.Day, b.Key.ItemId, b.Key.Version))
            .Select(b => new { b.Key.Day, b.Key.ItemId, b.Key.Version, b.Value.Yes, b.Value.No, b.Value.NotApplicable }), Json);

    private static Dictionary<string, InteractionJoin> Without(Dictionary<string, InteractionJoin> rows, Retirement retirement) =>
        rows.Where(r => !retirement.InteractionIds.Contains(r.Key)).ToDictionary();

    [Fact]
    public void Remaining_rows_plus_retired_tallies_give_every_aggregate_exactly_what_all_rows_gave()
    {
        var facts = new RandomFacts(seed: 3, interactions: 1200);
        var rows = Rows(facts);
        var before = JoinContribution.Of(rows.Values);
        var cutoff = DateOnly.FromDateTime(RandomFacts.Start.AddDays(35).UtcDateTime);

        var retirement = Retirement.Of(rows, row => RetentionHorizon.IsBefore(row, cutoff));
        var after = JoinContribution.Of(Without(rows, retirement).Values, retirement.Kept);

        Assert.InRange(retirement.InteractionIds.Count, 300, 900);
        Assert.Equal(retirement.InteractionIds.Count, retirement.Deleted.Interactions);
        Assert.Equal(before.Agents.Keys.Order(), after.Agents.Keys.Order());
        foreach (var (agent, tallies) in before.Agents) JsonAssert.Close(Summary(tallies), Summary(after.Agents[agent]), agent);
        foreach (var (team, tallies) in before.Teams) JsonAssert.Close(Summary(tallies), Summary(after.Teams[team]), team);
        JsonAssert.Close(Items(before.Scorecards["sc"]), Items(after.Scorecards["sc"]));
    }

    [Fact]
    public void Only_rows_whose_every_fact_is_before_the_cutoff_are_retired()
    {
        var facts = new RandomFacts(seed: 8, interactions: 600);
        var rows = Rows(facts);
        var cutoff = DateOnly.FromDateTime(RandomFacts.Start.AddDays(30).UtcDateTime);
        var retirement = Retirement.Of(rows, row => RetentionHorizon.IsBefore(row, cutoff));

        foreach (var id in retirement.InteractionIds)
        {
            var row = rows[id];
            Assert.True(JoinContribution.UtcDay(row.Interaction!.StartedAt) < cutoff);
            Assert.All(row.Evaluations, e => Assert.True(JoinContribution.UtcDay(e.Evaluation.EvaluatedAt) < cutoff));
        }
        // A contact from before the cutoff with an evaluation after it is kept whole, so they stay joined.
        Assert.Contains(rows, r => JoinContribution.UtcDay(r.Value.Interaction!.StartedAt) < cutoff && !retirement.InteractionIds.Contains(r.Key));
    }

    [Fact]
    public void Erasing_an_agent_removes_their_rows_and_figures_while_teams_scorecards_and_other_agents_keep_their_totals()
    {
        var facts = new RandomFacts(seed: 5, interactions: 900);
        var rows = Rows(facts);
        var before = JoinContribution.Of(rows.Values);

        var erasure = Retirement.Of(rows, row => AgentErasure.Concerns(row, "a3"), forget: "a3");
        var remaining = Without(rows, erasure);
        var after = JoinContribution.Of(remaining.Values, erasure.Kept);

        Assert.DoesNotContain(remaining.Values, row => AgentErasure.Concerns(row, "a3"));
        Assert.Equal(facts.Interactions.Count(i => i.AgentId == "a3"), erasure.Deleted.Interactions);
        Assert.False(after.Agents.ContainsKey("a3"));
        foreach (var (agent, tallies) in before.Agents.Where(a => a.Key != "a3")) JsonAssert.Close(Summary(tallies), Summary(after.Agents[agent]), agent);
        foreach (var (team, tallies) in before.Teams) JsonAssert.Close(Summary(tallies), Summary(after.Teams[team]), team);
        JsonAssert.Close(Items(before.Scorecards["sc"]), Items(after.Scorecards["sc"]));
    }

    [Fact]
    public void The_horizon_names_the_field_and_the_cutoff_and_keeps_everything_when_not_configured()
    {
        var now = DateTimeOffset.Parse("2026-11-23T10:00:00Z");
        var horizon = new RetentionHorizon(24);
        Assert.Equal(new DateOnly(2024, 11, 23), horizon.Cutoff(now));
        Assert.Null(horizon.Check("startedAt", DateTimeOffset.Parse("2024-11-23T00:30:00+00:00"), now));
        // Local time 2024-11-23 00:30 at +01:00 is still the 22nd in UTC: UTC days decide, as everywhere.
        Assert.Equal("startedAt: older than the 24-month retention horizon (facts before 2024-11-23 are not kept)",
            horizon.Check("startedAt", DateTimeOffset.Parse("2024-11-23T00:30:00+01:00"), now));
        Assert.Null(new RetentionHorizon(null).Cutoff(now));
        Assert.Null(new RetentionHorizon(null).Check("startedAt", DateTimeOffset.MinValue, now));
    }

    [Fact]
    public void An_erasure_reason_names_the_field_the_agent_and_the_date()
    {
        var erasure = new AgentErasure("a7", DateTimeOffset.Parse("2026-11-23T10:00:00Z"));
        Assert.Equal("agentId: the personal data of agent 'a7' was erased on 2026-11-23; facts about this agent are no longer accepted",
            erasure.Reason("agentId"));
    }
}
