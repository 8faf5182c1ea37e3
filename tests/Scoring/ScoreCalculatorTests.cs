using QmInsights.Domain.Scorecards;
using static QmInsights.Tests.Scoring.Forms;

namespace QmInsights.Tests.Scoring;

public sealed class ScoreCalculatorTests
{
    private const double Eps = 1e-9;

    [Fact]
    public void Plain_points_score_is_earned_over_possible()
    {
        // a=2 yes, b=3 no, c=5 yes: earned 2+5=7, possible 2+3+5=10 -> 100*7/10 = 70
        var v = Version(80, Section("s", 1, Item("a", 2), Item("b", 3), Item("c", 5)));
        var score = Score(v, "a=yes", "b=no", "c=yes");
        Assert.Equal(70, score.Percent!.Value, Eps);
        Assert.Equal(7, score.WeightedEarned, Eps);
        Assert.Equal(10, score.WeightedPossible, Eps);
        Assert.False(score.CriticalFailed);
    }

    [Fact]
    public void Section_weights_multiply_earned_and_possible_not_section_percents()
    {
        // S1 w=2: a=2 yes, b=2 no           -> earned 2, possible 4  (50%)
        // S2 w=1: c=1 yes, d=5 yes, e=4 no  -> earned 6, possible 10 (60%)
        // 100*(2*2 + 1*6)/(2*4 + 1*10) = 100*10/18 = 55.555...
        // (a weighted mean of section percents would give (2*50+1*60)/3 = 53.33: not the contract)
        var v = Version(80,
            Section("s1", 2, Item("a", 2), Item("b", 2)),
            Section("s2", 1, Item("c", 1), Item("d", 5), Item("e", 4)));
        var score = Score(v, "a=yes", "b=no", "c=yes", "d=yes", "e=no");
        Assert.Equal(1000.0 / 18, score.Percent!.Value, Eps);
        Assert.Equal(10, score.WeightedEarned, Eps);
        Assert.Equal(18, score.WeightedPossible, Eps);
    }

    [Fact]
    public void Essential_item_is_worth_4_points_whatever_points_says()
    {
        // e essential with points=10 answered no, p=6 yes: earned 6, possible 4+6=10 -> 60
        // (with the raw 10 points it would be 6/16 = 37.5)
        var high = Version(80, Section("s", 1, Item("e", 10, essential: true), Item("p", 6)));
        Assert.Equal(60, Score(high, "e=no", "p=yes").Percent!.Value, Eps);

        // e essential with points=0 answered yes, p=4 no: earned 4, possible 4+4=8 -> 50
        // (with the raw 0 points it would be 0/4 = 0)
        var zero = Version(80, Section("s", 1, Item("e", 0, essential: true), Item("p", 4)));
        Assert.Equal(50, Score(zero, "e=yes", "p=no").Percent!.Value, Eps);

        Assert.Equal(4, Item("x", 0.5, essential: true).EffectivePoints);
        Assert.Equal(0.5, Item("x", 0.5).EffectivePoints);
    }

    [Fact]
    public void Critical_no_scores_0_even_if_everything_else_is_yes()
    {
        // crit=1 no, a=9 yes: the formula would give 100*9/10 = 90, the critical "no" makes it 0
        var v = Version(80, Section("s", 1, Item("crit", 1, critical: true), Item("a", 9)));
        var score = Score(v, "crit=no", "a=yes");
        Assert.Equal(0, score.Percent);
        Assert.True(score.CriticalFailed);
        Assert.False(score.AtTarget);
    }

    [Fact]
    public void Critical_yes_has_no_effect()
    {
        // crit=2 yes, b=2 no: earned 2, possible 4 -> 50, exactly as if crit were not critical
        var v = Version(80, Section("s", 1, Item("crit", 2, critical: true), Item("b", 2)));
        var score = Score(v, "crit=yes", "b=no");
        Assert.Equal(50, score.Percent!.Value, Eps);
        Assert.False(score.CriticalFailed);
    }

    [Fact]
    public void Critical_NA_with_exclude_is_left_out_and_does_not_fail()
    {
        // crit=5 na (exclude) is out of the denominator; a=3 yes, b=1 no -> 100*3/4 = 75
        var v = Version(80, Section("s", 1, Item("crit", 5, critical: true), Item("a", 3), Item("b", 1)));
        var score = Score(v, "crit=na", "a=yes", "b=no");
        Assert.Equal(75, score.Percent!.Value, Eps);
        Assert.False(score.CriticalFailed);
    }

    [Fact]
    public void Critical_NA_with_fail_policy_loses_points_but_is_not_a_critical_fail()
    {
        // crit=2 na (fail) counts as lost: earned a=2, possible 2+2=4 -> 50; only a "no" zeroes the score
        var v = Version(80, Section("s", 1, Item("crit", 2, critical: true, na: NaPolicy.Fail), Item("a", 2)));
        var score = Score(v, "crit=na", "a=yes");
        Assert.Equal(50, score.Percent!.Value, Eps);
        Assert.False(score.CriticalFailed);
    }

    [Fact]
    public void Critical_no_in_a_zero_weight_section_still_scores_0()
    {
        // S1 w=1: a=1 yes -> 100*1/1 = 100 by the formula; S2 w=0: crit no -> the whole evaluation is 0
        var v = Version(80,
            Section("s1", 1, Item("a", 1)),
            Section("s2", 0, Item("crit", 1, critical: true)));
        var score = Score(v, "a=yes", "crit=no");
        Assert.Equal(0, score.Percent);
        Assert.True(score.CriticalFailed);
    }

    [Fact]
    public void NA_exclude_leaves_the_item_out_of_the_denominator()
    {
        // a=2 yes, b=2 no, c=6 na(exclude): earned 2, possible 2+2=4 -> 50
        var v = Version(80, Section("s", 1, Item("a", 2), Item("b", 2), Item("c", 6, na: NaPolicy.Exclude)));
        Assert.Equal(50, Score(v, "a=yes", "b=no", "c=na").Percent!.Value, Eps);
    }

    [Fact]
    public void NA_fail_counts_as_lost_points()
    {
        // a=2 yes, b=2 no, c=6 na(fail): earned 2, possible 2+2+6=10 -> 20
        var v = Version(80, Section("s", 1, Item("a", 2), Item("b", 2), Item("c", 6, na: NaPolicy.Fail)));
        Assert.Equal(20, Score(v, "a=yes", "b=no", "c=na").Percent!.Value, Eps);
    }

    [Fact]
    public void NA_pass_counts_as_earned_points()
    {
        // a=2 yes, b=2 no, c=6 na(pass): earned 2+6=8, possible 2+2+6=10 -> 80
        var v = Version(80, Section("s", 1, Item("a", 2), Item("b", 2), Item("c", 6, na: NaPolicy.Pass)));
        Assert.Equal(80, Score(v, "a=yes", "b=no", "c=na").Percent!.Value, Eps);
    }

    [Fact]
    public void All_NA_evaluation_has_no_score()
    {
        // every item na(exclude), including a critical one: possible = 0 -> no score (null, not 0 and not 100)
        var v = Version(80,
            Section("s1", 2, Item("a", 3), Item("crit", 1, critical: true)),
            Section("s2", 1, Item("b", 4, essential: true)));
        var score = Score(v, "a=na", "crit=na", "b=na");
        Assert.Null(score.Percent);
        Assert.Null(score.AtTarget);
        Assert.False(score.CriticalFailed);
        Assert.Equal(0, score.WeightedPossible);
    }

    [Fact]
    public void All_NA_with_a_pass_item_scores_100()
    {
        // a=3 na(exclude) is out; b=2 na(pass) earned: 100*2/2 = 100
        var v = Version(80, Section("s", 1, Item("a", 3), Item("b", 2, na: NaPolicy.Pass)));
        var score = Score(v, "a=na", "b=na");
        Assert.Equal(100, score.Percent);
        Assert.True(score.AtTarget);
    }

    [Fact]
    public void All_NA_with_a_fail_item_scores_0_not_null()
    {
        // a=3 na(exclude) is out; b=2 na(fail) is lost: 100*0/2 = 0, a real score
        var v = Version(80, Section("s", 1, Item("a", 3), Item("b", 2, na: NaPolicy.Fail)));
        var score = Score(v, "a=na", "b=na");
        Assert.Equal(0, score.Percent);
        Assert.False(score.CriticalFailed);
    }

    [Fact]
    public void Zero_weight_section_does_not_count()
    {
        // S1 w=1: a=1 yes, b=1 no -> earned 1, possible 2; S2 w=0: c=10 no -> earned 0, possible 10
        // 100*(1*1 + 0*0)/(1*2 + 0*10) = 50
        var v = Version(80,
            Section("s1", 1, Item("a", 1), Item("b", 1)),
            Section("s2", 0, Item("c", 10)));
        var score = Score(v, "a=yes", "b=no", "c=no");
        Assert.Equal(50, score.Percent!.Value, Eps);
        Assert.Equal(2, score.WeightedPossible, Eps);
    }

    [Fact]
    public void Only_zero_weight_sections_means_nothing_is_possible_so_no_score()
    {
        // w=0: a=1 yes -> 100*(0*1)/(0*1) = 0/0: nothing is possible -> null
        var v = Version(80, Section("s", 0, Item("a", 1)));
        Assert.Null(Score(v, "a=yes").Percent);
    }

    [Fact]
    public void AtTarget_is_true_at_exactly_the_target()
    {
        // target 75: a,b,c=1 yes, d=1 no -> 100*3/4 = 75 >= 75
        var v = Version(75, Section("s", 1, Item("a"), Item("b"), Item("c"), Item("d")));
        var at = Score(v, "a=yes", "b=yes", "c=yes", "d=no");
        Assert.Equal(75, at.Percent);
        Assert.True(at.AtTarget);
        Assert.Equal(75, at.TargetPercent);

        // 2 of 4 -> 50 < 75
        Assert.False(Score(v, "a=yes", "b=yes", "c=no", "d=no").AtTarget);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.1)]
    [InlineData(0.7)]
    public void AtTarget_is_true_at_exactly_the_target_with_a_fractional_weight(double weight)
    {
        // w: 3 of 4 one-point items yes -> 100*(w*3)/(w*4) = 75 exactly; in doubles
        // 100*(0.3*3)/(0.3*4) is 74.99999999999999, which must not count as below target 75
        var v = Version(75, Section("s", weight, Item("a"), Item("b"), Item("c"), Item("d")));
        var score = Score(v, "a=yes", "b=yes", "c=yes", "d=no");
        Assert.Equal(75, score.Percent);
        Assert.True(score.AtTarget);
    }

    [Fact]
    public void All_yes_scores_exactly_100_with_fractional_weights()
    {
        // w=0.1: a=10 yes, b=4 yes -> earned = possible = 0.1*14 -> 100*x/x = 100
        // (in doubles 0.1*14 = 1.4000000000000001 and 100*1.4000000000000001/1.4000000000000001 = 99.99999999999999)
        var v = Version(100, Section("s", 0.1, Item("a", 10), Item("b", 4)));
        var score = Score(v, "a=yes", "b=yes");
        Assert.Equal(100, score.Percent);
        Assert.True(score.AtTarget);
    }

    [Fact]
    public void Essential_critical_and_NA_policies_combine()
    {
        // S1 w=2: greet=1 yes, verify (critical, essential, points 1 -> 4) yes, disclaimer=2 na(pass)
        //         earned 1+4+2 = 7, possible 7
        // S2 w=1: solve=5 no, recap=2 na(fail), upsell=3 na(exclude), empathy (essential, points 0 -> 4) yes
        //         earned 4, possible 5+2+4 = 11
        // 100*(2*7 + 1*4)/(2*7 + 1*11) = 100*18/25 = 72
        var v = Version(70,
            Section("opening", 2,
                Item("greet", 1), Item("verify", 1, essential: true, critical: true), Item("disclaimer", 2, na: NaPolicy.Pass)),
            Section("resolution", 1,
                Item("solve", 5), Item("recap", 2, na: NaPolicy.Fail), Item("upsell", 3),
                Item("empathy", 0, essential: true)));
        var score = Score(v, "greet=yes", "verify=yes", "disclaimer=na",
            "solve=no", "recap=na", "upsell=na", "empathy=yes");
        Assert.Equal(72, score.Percent!.Value, Eps);
        Assert.Equal(18, score.WeightedEarned, Eps);
        Assert.Equal(25, score.WeightedPossible, Eps);
        Assert.True(score.AtTarget);

        // the same with the critical verify answered no: 0, below target
        var failed = Score(v, "greet=yes", "verify=no", "disclaimer=na",
            "solve=no", "recap=na", "upsell=na", "empathy=yes");
        Assert.Equal(0, failed.Percent);
        Assert.True(failed.CriticalFailed);
        Assert.False(failed.AtTarget);
    }

    [Fact]
    public void Score_keeps_the_version_number_and_target()
    {
        var v = Version(85, Section("s", 1, Item("a"))) with { Version = 3 };
        var score = Score(v, "a=yes");
        Assert.Equal(3, score.ScorecardVersion);
        Assert.Equal(85, score.TargetPercent);
    }
}
