using QmInsights.Domain.Statistics.Reliability;

namespace QmInsights.Tests.Statistics.Reliability;

public sealed class RaterDeviationsReliabilityTests
{
    // Rows raters, columns interactions, total scores 0-100.
    private static readonly double?[][] Scores =
    [
        [80, 90, 70],
        [70, 80, null],
        [60, 70, 80],
    ];

    [Fact]
    public void Deviation_is_from_the_mean_of_the_other_raters_on_each_unit()
    {
        // Rater 0: 80 - (70+60)/2 = 15, 90 - (80+70)/2 = 15, 70 - 80 = -10 (rater 1 missing) -> mean 20/3.
        var d = RaterDeviations.Of(Scores)[0].FromConsensus;
        Assert.Equal(3, d.Count);
        Assert.Equal(20.0 / 3, d.Mean!.Value, 12);
        // s = sqrt(((25/3)² * 2 + (50/3)²) / 2) = sqrt(625/3), se = s/sqrt(3) = 25/3; t(0.975, 2) = 4.302653
        // (two-sided 95% Student t with 2 df, standard tables: 4.303).
        var half = 4.302652729749464 * 25 / 3;
        Assert.Equal(20.0 / 3 - half, d.Lower!.Value, 6);
        Assert.Equal(20.0 / 3 + half, d.Upper!.Value, 6);
    }

    [Fact]
    public void Unit_scored_by_the_rater_alone_is_skipped()
    {
        double?[][] scores = [[80, 50], [70, null]];
        var d = RaterDeviations.Of(scores);
        Assert.Equal(1, d[0].FromConsensus.Count);
        Assert.Equal(10, d[0].FromConsensus.Mean);
        // One unit: a mean but no interval.
        Assert.Null(d[0].FromConsensus.Lower);
        Assert.Null(d[0].FromConsensus.Upper);
    }

    [Fact]
    public void Expert_deviation_uses_units_both_scored()
    {
        double?[] expert = [75, 85, null];
        var d = RaterDeviations.Of(Scores, expert);
        Assert.Equal(new DeviationSummary(2, 5, 5, 5), d[0].FromExpert);
        Assert.Equal(new DeviationSummary(2, -5, -5, -5), d[1].FromExpert);
        Assert.Equal(new DeviationSummary(2, -15, -15, -15), d[2].FromExpert);
    }

    [Fact]
    public void No_expert_gives_no_expert_deviation()
    {
        Assert.All(RaterDeviations.Of(Scores), d => Assert.Null(d.FromExpert));
    }

    [Fact]
    public void Expert_must_cover_every_unit()
    {
        Assert.Throws<ArgumentException>(() => RaterDeviations.Of(Scores, [75, 85]));
    }

    [Fact]
    public void With_complete_scores_the_consensus_deviations_sum_to_zero()
    {
        // Per unit, Σ_r (x_r - mean of the others) = S - (m S - S)/(m - 1) = 0, so the rater means sum to zero too.
        var random = new Random(11);
        for (var trial = 0; trial < 20; trial++)
        {
            var units = random.Next(2, 10);
            var scores = Enumerable.Range(0, random.Next(2, 6))
                .Select(_ => (IReadOnlyList<double?>)Enumerable.Range(0, units)
                    .Select(_ => (double?)random.Next(0, 101)).ToList())
                .ToList();
            Assert.Equal(0, RaterDeviations.Of(scores).Sum(d => d.FromConsensus.Mean!.Value), 9);
        }
    }

    [Fact]
    public void Deviation_is_unchanged_by_adding_a_constant_to_every_score()
    {
        var shifted = Scores.Select(r => (IReadOnlyList<double?>)r.Select(v => v + 7).ToList()).ToList();
        var before = RaterDeviations.Of(Scores);
        var after = RaterDeviations.Of(shifted);
        for (var r = 0; r < 3; r++)
            Assert.Equal(before[r].FromConsensus.Mean!.Value, after[r].FromConsensus.Mean!.Value, 9);
    }
}
