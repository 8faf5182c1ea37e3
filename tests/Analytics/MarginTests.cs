using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Statistics;

namespace QmInsights.Tests.Analytics;

public sealed class MarginTests
{
    [Fact]
    public void Evaluations_needed_for_a_5_point_margin_follow_the_t_interval()
    {
        // s = 15: n = 38 gives t(0.975, 37) = 2.0262 -> 2.0262 * 15 / sqrt(38) = 4.93 <= 5; n = 37 gives
        // 2.0281 * 15 / sqrt(37) = 5.0013 > 5. (z-based rule of thumb: (1.96 * 15 / 5)^2 = 34.6.)
        Assert.Equal(38, MeanInterval.RequiredCount(15, 5));
        Assert.Null(MeanInterval.RequiredCount(null, 5));
        Assert.Equal(2, MeanInterval.RequiredCount(0, 5));
    }

    [Fact]
    public void A_summary_shows_the_evaluations_needed_next_to_the_score()
    {
        var tally = new QualityTally();
        foreach (var score in new[] { 60.0, 90, 75, 100, 80 }) tally.Regular.Add(score, 1);
        var figures = SummaryBuilder.Figures(tally);
        Assert.Equal(MeanInterval.RequiredCount(figures.QaScoreStdDev, 5), figures.EvaluationsForMargin5);
        Assert.True(figures.EvaluationsForMargin5 > figures.Evaluations);
    }
}
