using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Joins;
using QmInsights.Domain.Scorecards;
using QmInsights.Tests.Aggregates;

namespace QmInsights.Tests.Joins;

/// <summary>The changes a shard's book hands out must add up to what its rows contribute, however the facts arrive: an
/// evaluation moves only its own part of a row (a revision takes out the one it replaces), a contact or survey the
/// whole row. Checked against a recomputation from the rows the book ends with.</summary>
public sealed class BookChangesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Changes_summed_over_shuffled_facts_equal_the_contribution_of_the_final_rows(int seed)
    {
        var facts = new RandomFacts(seed, interactions: 400);
        var version = new ScorecardVersion("sc", 1, RandomFacts.Start.AddYears(-1), facts.Scorecard);
        var rows = new ShardRows();
        var book = new InteractionBook(rows);
        var total = new AggregateChanges();
        var position = 0;
        foreach (var fact in facts.ShuffledSubmissions(seed + 100))
        {
            var changes = new AggregateChanges();
            _ = fact switch
            {
                Interaction i => book.Apply(position, i, changes),
                Survey s => book.Apply(position, s, changes),
                Evaluation e => book.Apply(position, new ScoredEvaluation(e, ScoreCalculator.Score(version, e.Answers)), changes),
                _ => throw new InvalidOperationException(fact.GetType().Name),
            };
            total.Merge(changes);
            position++;
        }

        var expected = JoinContribution.Of(rows.All().Select(r => r.Value));
        AssertSame(expected.Agents, total.Agents);
        AssertSame(expected.Teams, total.Teams);
        Assert.Equal(expected.Scorecards.Keys.Order(), total.Scorecards.Keys.Order());
        foreach (var (id, map) in expected.Scorecards)
            Assert.Equal(map.Buckets.OrderBy(b => b.Key.ToString()).Select(b => (b.Key, b.Value.Yes, b.Value.No, b.Value.NotApplicable)),
                total.Scorecards[id].Buckets.OrderBy(b => b.Key.ToString()).Select(b => (b.Key, b.Value.Yes, b.Value.No, b.Value.NotApplicable)));
    }

    [Fact]
    public void A_new_evaluation_of_a_surveyed_contact_changes_only_the_evaluation_figures()
    {
        var book = new InteractionBook(new ShardRows());
        var started = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        book.Apply(0, new Interaction("i1", Channel.Call, "a1", "t1", "q", started, 300, null, null, true), new AggregateChanges());
        book.Apply(1, new Survey("i1", started.AddHours(1), 5, 10), new AggregateChanges());
        var evaluation = new Evaluation("e1", "i1", "a1", "qa", "sc", null, EvaluationKind.Regular, started.AddDays(1),
            [new ItemResponse("greet", ItemAnswer.Yes)], null, 1);

        var changes = new AggregateChanges();
        book.Apply(2, new ScoredEvaluation(evaluation, new EvaluationScore(100, false, 1, 1, 1, 90)), changes);

        var tally = Assert.Single(changes.Agents["a1"].Buckets).Value;
        Assert.Equal(1, tally.Regular.Count);
        Assert.Equal((0, 0, 0), (tally.Interactions, tally.Surveys, tally.HandleSeconds.Count));
        Assert.Equal(1, Assert.Single(changes.Teams["t1"].Buckets).Value.Regular.Count);
    }

    private static void AssertSame(Dictionary<string, TallyMap<TallyBucket, QualityTally>> expected,
        Dictionary<string, TallyMap<TallyBucket, QualityTally>> actual)
    {
        foreach (var id in expected.Keys.Union(actual.Keys))
        {
            var want = expected.GetValueOrDefault(id)?.Buckets ?? new();
            var got = actual.GetValueOrDefault(id)?.Buckets ?? new();
            foreach (var bucket in want.Keys.Union(got.Keys))
            {
                var (w, g) = (Fields(want.GetValueOrDefault(bucket)), Fields(got.GetValueOrDefault(bucket)));
                for (var f = 0; f < w.Length; f++)
                    Assert.True(Math.Abs(w[f] - g[f]) <= 1e-6 * Math.Max(1, Math.Abs(w[f])), $"{id} {bucket} field {f}: expected {w[f]}, got {g[f]}");
            }
        }
    }

    private static double[] Fields(QualityTally? t) => t is null ? new double[28] :
    [
        t.Regular.Count, t.Regular.Sum, t.Regular.SumOfSquares, t.RegularUnscored, t.RegularAtTarget, t.RegularTargetSum,
        t.Calibration.Count, t.Calibration.Sum, t.Calibration.SumOfSquares, t.CalibrationUnscored,
        t.Self.Count, t.Self.Sum, t.Self.SumOfSquares, t.SelfUnscored,
        t.Interactions, t.HandleSeconds.Count, t.HandleSeconds.Sum, t.HandleSeconds.SumOfSquares, t.FcrKnown, t.FcrResolved,
        t.Surveys, t.Csat.Count, t.Csat.Sum, t.Csat.SumOfSquares, t.CsatSatisfied, t.NpsResponses, t.NpsPromoters, t.NpsDetractors,
    ];
}
