using MathNet.Numerics.Distributions;
using QmInsights.Domain.Staffing;

namespace QmInsights.Tests.Staffing;

/// <summary>Patience from abandonments and waits (Brown et al., JASA 2005), on planted truth.</summary>
public sealed class PatienceEstimateTests
{
    // Callers with exponential patience of mean 90 s, each answered after an offered wait drawn from a mix the estimator
    // does not know; the wait recorded is the shorter of the two. 200 samples of 400 callers: the 95% interval must hold
    // the planted 90 s in roughly 95% of them.
    [Fact]
    public void The_interval_covers_the_planted_mean_patience_at_its_nominal_rate()
    {
        var random = new Random(5);
        var covered = 0;
        var means = new List<double>();
        for (var sample = 0; sample < 200; sample++)
        {
            var callers = Enumerable.Range(0, 400).Select(_ =>
            {
                var patience = Exponential.Sample(random, 1 / 90.0);
                var offered = random.NextDouble() < 0.4 ? 0 : Exponential.Sample(random, 1 / 60.0);
                return (Math.Min(patience, offered), patience < offered);
            }).ToList();
            var estimate = PatienceEstimate.Of(callers)!;
            means.Add(estimate.MeanSeconds);
            if (estimate.Lower95 <= 90 && 90 <= estimate.Upper95) covered++;
        }
        TestContext.Current.SendDiagnosticMessage($"coverage {covered / 200.0:P1}, mean of estimates {means.Average():F1} s");
        Assert.InRange(covered / 200.0, 0.91, 0.98);
        Assert.InRange(means.Average(), 85, 95);
    }

    [Fact]
    public void No_abandonment_gives_no_estimate_and_bad_totals_are_refused_by_name()
    {
        Assert.Null(PatienceEstimate.Of(0, 5000));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PatienceEstimate.Of(3, -1));
        Assert.Contains("totalWaitSeconds", error.Message);
        var one = PatienceEstimate.Of(10, 1200)!;
        Assert.Equal(120, one.MeanSeconds, 12);
        Assert.True(one.Lower95 < 120 && 120 < one.Upper95);
    }
}
