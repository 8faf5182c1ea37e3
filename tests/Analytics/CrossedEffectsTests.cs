using System.Globalization;
using QmInsights.Domain.Statistics;

namespace QmInsights.Tests.Analytics;

public sealed class CrossedEffectsTests
{
    [Fact]
    public void REML_variance_components_match_lme4_on_the_Penicillin_data()
    {
        // Davies & Goldsmith (1972) penicillin assay, 24 plates x 6 samples, as in lme4's Penicillin data (copy from
        // Rdatasets). Bates (2010), "lme4: Mixed-effects modeling with R", chapter 2 (model fm03,
        // diameter ~ 1 + (1|plate) + (1|sample), REML): variances plate 0.7169, sample 3.7311, residual 0.3024;
        // intercept 22.9722 with standard error 0.8086.
        var rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Analytics", "Data", "penicillin.csv")).Skip(1)
            .Select(l => l.Split(',')).Select(f => (Large: f[1], Small: f[2], Y: double.Parse(f[0], CultureInfo.InvariantCulture))).ToList();
        var fit = CrossedEffects.Fit(rows);
        Assert.Equal(0.7169, fit.LargeVariance, 3);
        Assert.Equal(3.7311, fit.SmallVariance, 3);
        Assert.Equal(0.3024, fit.ResidualVariance, 3);
        Assert.Equal(22.9722, fit.Mu, 3);
        Assert.Equal(0.8086, Math.Sqrt(fit.MuVariance), 3);
    }

    [Fact]
    public void Shrunken_scores_cover_planted_levels_and_beat_raw_means_when_raters_differ()
    {
        // 80 agents with true scores N(80, 6^2), 8 evaluators with biases N(0, 4^2) on a rota, residual SD 15:
        // adjusted scores should be closer to the truth than raw means, and their 95% intervals should cover it.
        var random = new Random(17);
        double Normal(double sd) => sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var truth = Enumerable.Range(0, 80).ToDictionary(i => $"a{i}", _ => 80 + Normal(6));
        var bias = Enumerable.Range(0, 8).ToDictionary(j => $"e{j}", _ => Normal(4));
        var rows = new List<(string Large, string Small, double Y)>();
        foreach (var (agent, score) in truth)
            for (var k = 0; k < 10; k++)
            {
                var evaluator = $"e{(int.Parse(agent[1..], CultureInfo.InvariantCulture) + k / 5) % 8}";
                rows.Add((agent, evaluator, score + bias[evaluator] + Normal(15)));
            }
        var fit = CrossedEffects.Fit(rows);
        var raw = rows.GroupBy(r => r.Large).ToDictionary(g => g.Key, g => g.Average(r => r.Y));
        double rawError = 0, adjustedError = 0;
        var covered = 0;
        foreach (var level in fit.Large)
        {
            var (score, variance) = fit.LargeScore(level);
            var trueScore = truth[level.Level] + bias.Values.Average();
            rawError += Math.Pow(raw[level.Level] - trueScore, 2);
            adjustedError += Math.Pow(score - trueScore, 2);
            if (Math.Abs(score - trueScore) <= 1.96 * Math.Sqrt(variance)) covered++;
        }
        Assert.True(adjustedError < rawError, $"adjusted {adjustedError:0} vs raw {rawError:0}");
        Assert.InRange(covered / 80.0, 0.88, 1.0);
    }
}
