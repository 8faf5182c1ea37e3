using System.Collections.Immutable;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Scorecards;

namespace QmInsights.Tests.Scoring;

/// <summary>Hand-worked examples of the contract's rule: 100 * sum_s(w_s * earned_s) / sum_s(w_s * possible_s).</summary>
public sealed class ScoreCalculatorTests
{
    private static ScorecardItem Item(string id, double points, bool essential = false, bool critical = false,
        NaPolicy na = NaPolicy.Exclude) => new(id, id, null, points, essential, critical, na);

    private static ScorecardVersion Card(double target, params ScorecardSection[] sections) =>
        new("sc", 1, DateTimeOffset.UnixEpoch, new ScorecardDefinition("Card", target, [.. sections]));

    private static ScorecardSection Section(double weight, params ScorecardItem[] items) => new($"s{weight}", "S", weight, [.. items]);

    private static List<ItemResponse> Answers(params (string Item, ItemAnswer Answer)[] answers) =>
        answers.Select(a => new ItemResponse(a.Item, a.Answer)).ToList();

    private const ItemAnswer Yes = ItemAnswer.Yes, No = ItemAnswer.No, Na = ItemAnswer.NotApplicable;

    [Fact]
    public void Plain_points_earned_over_possible()
    {
        // a(2) yes, b(1) no, c(3) yes: earned 5 of 6 = 83.33%.
        var card = Card(90, Section(1, Item("a", 2), Item("b", 1), Item("c", 3)));
        var score = ScoreCalculator.Score(card, Answers(("a", Yes), ("b", No), ("c", Yes)));
        Assert.Equal(100.0 * 5 / 6, score.Percent!.Value, 12);
        Assert.False(score.AtTarget);
    }

    [Fact]
    public void Section_weights_scale_earned_and_possible_points()
    {
        // Section 1 (w=2): a(2) yes, b(2) no -> earned 2, possible 4. Section 2 (w=1): c(1) yes -> 1 of 1.
        // (2*2 + 1*1) / (2*4 + 1*1) = 5/9 = 55.56%; unweighted it would be 3/5 = 60%.
        var card = Card(90, Section(2, Item("a", 2), Item("b", 2)), Section(1, Item("c", 1)));
        var score = ScoreCalculator.Score(card, Answers(("a", Yes), ("b", No), ("c", Yes)));
        Assert.Equal(100.0 * 5 / 9, score.Percent!.Value, 12);
    }

    [Fact]
    public void An_essential_item_counts_four_points_whatever_points_says()
    {
        // e is essential with points 1 -> worth 4. e no, a(4) yes: 4 of 8 = 50% (not 4 of 5).
        var card = Card(90, Section(1, Item("e", 1, essential: true), Item("a", 4)));
        Assert.Equal(50, ScoreCalculator.Score(card, Answers(("e", No), ("a", Yes))).Percent);
    }

    [Fact]
    public void A_critical_no_sets_the_score_to_zero_even_when_everything_else_is_yes()
    {
        var card = Card(90, Section(1, Item("id", 1, critical: true), Item("a", 10)));
        var score = ScoreCalculator.Score(card, Answers(("id", No), ("a", Yes)));
        Assert.Equal(0, score.Percent);
        Assert.True(score.CriticalFailed);
    }

    [Fact]
    public void A_critical_yes_or_excluded_NA_scores_normally()
    {
        // id(1) yes, a(3) no: 1 of 4 = 25%. id N/A (exclude), a(3) yes: 3 of 3 = 100%.
        var card = Card(90, Section(1, Item("id", 1, critical: true), Item("a", 3)));
        Assert.Equal(25, ScoreCalculator.Score(card, Answers(("id", Yes), ("a", No))).Percent);
        Assert.Equal(100, ScoreCalculator.Score(card, Answers(("id", Na), ("a", Yes))).Percent);
    }

    [Theory]
    // a(2) yes, b(2) N/A. exclude: 2 of 2 = 100%; fail: 2 of 4 = 50%; pass: 4 of 4 = 100%.
    [InlineData(NaPolicy.Exclude, 100)]
    [InlineData(NaPolicy.Fail, 50)]
    [InlineData(NaPolicy.Pass, 100)]
    public void NA_policy_decides_whether_points_are_left_out_lost_or_earned(NaPolicy policy, double expected)
    {
        var card = Card(90, Section(1, Item("a", 2), Item("b", 2, na: policy)));
        Assert.Equal(expected, ScoreCalculator.Score(card, Answers(("a", Yes), ("b", Na))).Percent);
    }

    [Fact]
    public void NA_with_pass_next_to_a_no_earns_its_points()
    {
        // a(1) no, b(3) N/A pass: earned 3 of 4 = 75%.
        var card = Card(90, Section(1, Item("a", 1), Item("b", 3, na: NaPolicy.Pass)));
        Assert.Equal(75, ScoreCalculator.Score(card, Answers(("a", No), ("b", Na))).Percent);
    }

    [Fact]
    public void All_NA_evaluation_has_no_score()
    {
        var card = Card(90, Section(1, Item("a", 2), Item("b", 1)));
        var score = ScoreCalculator.Score(card, Answers(("a", Na), ("b", Na)));
        Assert.Null(score.Percent);
        Assert.Null(score.AtTarget);
    }

    [Fact]
    public void All_NA_with_a_pass_item_scores_100()
    {
        var card = Card(90, Section(1, Item("a", 2), Item("b", 1, na: NaPolicy.Pass)));
        Assert.Equal(100, ScoreCalculator.Score(card, Answers(("a", Na), ("b", Na))).Percent);
    }

    [Fact]
    public void A_zero_weight_section_does_not_count()
    {
        // Section w=0: a(5) no is ignored. Section w=1: b(1) yes -> 100%.
        var card = Card(90, Section(0, Item("a", 5)), Section(1, Item("b", 1)));
        Assert.Equal(100, ScoreCalculator.Score(card, Answers(("a", No), ("b", Yes))).Percent);
    }

    [Fact]
    public void A_score_exactly_at_target_is_at_target()
    {
        // 9 of 10 = 90% against a 90% target.
        var card = Card(90, Section(1, Item("a", 9), Item("b", 1)));
        var score = ScoreCalculator.Score(card, Answers(("a", Yes), ("b", No)));
        Assert.Equal(90, score.Percent!.Value, 12);
        Assert.True(score.AtTarget);
    }

    [Fact]
    public void Combination_of_weights_essential_and_NA_policies()
    {
        // Section 1 (w=1.5): e essential(4) yes, a(2) N/A fail -> earned 4, possible 6.
        // Section 2 (w=1):   b(1) N/A pass, c(3) no, d(2) N/A exclude -> earned 1, possible 4.
        // (1.5*4 + 1) / (1.5*6 + 4) = 7 / 13 = 53.846%.
        var card = Card(80,
            Section(1.5, Item("e", 1, essential: true), Item("a", 2, na: NaPolicy.Fail)),
            Section(1, Item("b", 1, na: NaPolicy.Pass), Item("c", 3), Item("d", 2)));
        var score = ScoreCalculator.Score(card, Answers(("e", Yes), ("a", Na), ("b", Na), ("c", No), ("d", Na)));
        Assert.Equal(100.0 * 7 / 13, score.Percent!.Value, 12);
    }

    [Fact]
    public void Random_scorecards_agree_with_a_direct_recomputation_of_the_contract_formula()
    {
        var random = new Random(2026);
        for (var n = 0; n < 3000; n++)
        {
            var sections = Enumerable.Range(0, random.Next(1, 4)).Select(s => new ScorecardSection($"s{s}", "S",
                random.Next(0, 4) * 0.5, Enumerable.Range(0, random.Next(1, 5)).Select(i => new ScorecardItem($"s{s}i{i}", "x", null,
                    random.Next(0, 5), random.NextDouble() < 0.2, random.NextDouble() < 0.1, (NaPolicy)random.Next(3))).ToImmutableArray())).ToList();
            var card = Card(90, [.. sections]);
            var answers = card.Definition.AllItems().Select(p => new ItemResponse(p.Item.Id, (ItemAnswer)random.Next(3))).ToList();

            double num = 0, den = 0;
            var critical = false;
            foreach (var section in sections)
            {
                double earned = 0, possible = 0;
                foreach (var item in section.Items)
                {
                    var answer = answers.Single(a => a.ItemId == item.Id).Answer;
                    var points = item.Essential ? 4 : item.Points;
                    var counts = answer != Na || item.NaPolicy != NaPolicy.Exclude;
                    var earns = answer == Yes || (answer == Na && item.NaPolicy == NaPolicy.Pass);
                    if (counts) possible += points;
                    if (earns) earned += points;
                    if (item.Critical && answer == No) critical = true;
                }
                num += section.Weight * earned;
                den += section.Weight * possible;
            }
            double? expected = critical ? 0 : den > 0 ? 100 * num / den : null;

            var actual = ScoreCalculator.Score(card, answers).Percent;
            Assert.Equal(expected.HasValue, actual.HasValue);
            if (expected is { } e) Assert.Equal(e, actual!.Value, 9);
        }
    }
}
