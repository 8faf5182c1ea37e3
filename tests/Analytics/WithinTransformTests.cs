using QmInsights.Domain.Analytics;

namespace QmInsights.Tests.Analytics;

public sealed class WithinTransformTests
{
    // Frisch-Waugh-Lovell (Davidson & MacKinnon, "Econometric Theory and Methods", 2004, section 2.4): regressing the
    // within-group residuals of y on those of x gives the coefficients of the regression with one dummy per group, and
    // the same residuals, so the clustered covariances differ only by the small-sample factor's (n - 1)/(n - k).
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Swept_groups_give_the_coefficients_and_clustered_errors_of_one_dummy_per_group(int seed)
    {
        var random = new Random(seed);
        var groups = Enumerable.Range(0, 300).Select(_ => $"g{random.Next(25)}").ToList();
        var effect = groups.Distinct().ToDictionary(g => g, _ => random.NextDouble() * 10);
        var x = groups.Select(_ => new[] { random.Next(2), random.NextDouble() * 4 }.Select(v => (double)v).ToArray()).ToList();
        var y = x.Select((r, i) => 2 * r[0] - 0.5 * r[1] + effect[groups[i]] + random.NextDouble() * 3).ToList();
        var weights = groups.Select(_ => 0.5 + random.NextDouble()).ToList();

        var levels = groups.Distinct().Order(StringComparer.Ordinal).Skip(1).ToList();
        var withDummies = LinearModel.Fit(x.Select((r, i) => r.Concat(levels.Select(l => groups[i] == l ? 1.0 : 0)).ToArray()).ToList(), y,
            ["a", "b", .. levels.Select(l => $"group={l}")], weights, groups);
        var (sx, sy) = (x.Select(r => r.ToArray()).ToList(), y.ToList());
        var swept = LinearModel.Fit(sx, sy, ["a", "b"], weights, groups, WithinTransform.Sweep(sx, sy, weights, groups));

        var n = groups.Count;
        var dfRatio = (n - 3.0) / (n - 3.0 - levels.Count);
        foreach (var name in new[] { "a", "b" })
        {
            var (i, j) = (withDummies.Names.ToList().IndexOf(name), swept.Names.ToList().IndexOf(name));
            Assert.Equal(withDummies.Coefficients[i], swept.Coefficients[j], 9);
            Assert.Equal(withDummies.StandardErrors[i], swept.StandardErrors[j] * Math.Sqrt(dfRatio), 9);
        }
    }
}
