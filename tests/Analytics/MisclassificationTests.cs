using System.Collections.Immutable;
using QmInsights.Domain.Analytics;
using QmInsights.Domain.Facts;

namespace QmInsights.Tests.Analytics;

public sealed class MisclassificationTests
{
    private static EvaluatedContact Row(int agent, string evaluator, bool recordedYes, int n) => new(
        $"c-{agent}-{n}", $"agent-{agent:000}", "team", evaluator, "card", Channel.Call, "support", DateTimeOffset.UnixEpoch, 300, null,
        null, null, null, [new ItemResponse("item", recordedYes ? ItemAnswer.Yes : ItemAnswer.No)], DateTimeOffset.UnixEpoch, 90);

    [Fact]
    public void The_attenuation_factor_is_the_within_agent_slope_of_what_was_done_on_what_was_recorded()
    {
        // Brute force against the definition (Carroll et al. 2006, section 3.2: the naive slope is lambda times the
        // true one): with the outcome equal to the truth X, the pooled within-agent least-squares slope of X on the
        // recorded W is lambda itself. Evaluators' rates known almost exactly (10,000 calibration answers each).
        var reliability = new Dictionary<string, EvaluatorReliability>
        {
            ["lenient"] = new("lenient", 10_000, 1_500, 10_000, 200),
            ["fair"] = new("fair", 10_000, 200, 10_000, 200),
            [EvaluatorReliability.Pooled] = new(EvaluatorReliability.Pooled, 20_000, 1_700, 20_000, 400),
        };
        var random = new Random(3);
        var rows = new List<EvaluatedContact>();
        double covariance = 0, variance = 0;
        for (var a = 0; a < 400; a++)
        {
            var done = 0.2 + 0.7 * random.NextDouble();
            var evaluator = a % 2 == 0 ? "lenient" : "fair";
            var (falseYes, falseNo) = (reliability[evaluator].FalseYes, reliability[evaluator].FalseNo);
            var pairs = Enumerable.Range(0, 30).Select(_ =>
            {
                var x = random.NextDouble() < done;
                return (X: x ? 1.0 : 0.0, W: x ? random.NextDouble() >= falseNo : random.NextDouble() < falseYes);
            }).ToList();
            rows.AddRange(pairs.Select((p, n) => Row(a, evaluator, p.W, n)));
            var (xMean, wMean) = (pairs.Average(p => p.X), pairs.Average(p => p.W ? 1.0 : 0));
            covariance += pairs.Sum(p => (p.X - xMean) * ((p.W ? 1 : 0) - wMean));
            variance += pairs.Sum(p => Math.Pow((p.W ? 1 : 0) - wMean, 2));
        }
        var (lambda, standardError) = Misclassification.Attenuation(rows, "item", reliability)!.Value;
        Assert.InRange(covariance / variance, lambda - 0.03, lambda + 0.03);
        Assert.InRange(lambda, 0.6, 0.95);
        Assert.True(standardError < 0.02, $"se {standardError}");
        // The corrected effect of a recorded-answer slope lambda is 1, its interval wider than the naive one's / lambda.
        var (estimate, low, high) = Misclassification.Correct(lambda, 0.05, 1.96, (lambda, standardError));
        Assert.Equal(1, estimate, 10);
        Assert.True(high - low > 2 * 1.96 * 0.05 / lambda);
    }
}
