using QmInsights.Domain.Statistics.Reliability;

namespace QmInsights.Tests.Statistics.Reliability;

public sealed class GwetAc1ReliabilityTests
{
    private static readonly double[] FiveCategories = [1, 2, 3, 4, 5];

    // Gwet (2014), Handbook of Inter-Rater Reliability, 4th ed., the 4-rater x 12-subject example with missing ratings
    // (Krippendorff's 2011 example C), as the R package irrCAC ships it (data "cac.raw4raters") with its worked
    // output in the package README: gwet.ac1.raw gives pa = 0.8181818, pe = 0.1903212, AC1 = 0.77544 (5 categories);
    // krippen.alpha.raw gives 0.74342 on the same data, Krippendorff's published 0.743.
    private static readonly double?[][] Raw4Raters =
    [
        [1, 1, null, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
        [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [null, 5, 5, 5], [null, null, 1, 1], [null, null, 3, null],
    ];

    private static IReadOnlyList<double>[] Units(double?[][] subjects) =>
        subjects.Select(s => (IReadOnlyList<double>)s.OfType<double>().ToList()).ToArray();

    [Fact]
    public void Gwet_handbook_four_rater_example_matches_irrCAC()
    {
        var r = GwetAc1.FromUnits(Units(Raw4Raters), FiveCategories)!;
        Assert.Equal(0.8181818, r.ObservedAgreement, 7);
        Assert.Equal(0.1903212, r.ChanceAgreement, 7);
        Assert.Equal(0.77544, r.Ac1!.Value, 5);
        Assert.Equal(0.743, KrippendorffAlpha.FromUnits(Units(Raw4Raters), AlphaMetric.Nominal)!.Value, 3);
    }

    // Gwet (2014) and irrCAC (data "distrib.6raters"): the first 15 subjects of Fleiss (1971) Table 1, 6 raters,
    // 5 categories, given as counts per category. irrCAC README: gwet.ac1.dist gives pa = 0.5511111, pe = 0.1914815,
    // AC1 = 0.4448007 (and fleiss.kappa.dist 0.4139265 on the same rows).
    private static readonly int[][] Distrib6Raters =
    [
        [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0],
        [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6],
        [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1],
    ];

    [Fact]
    public void Gwet_handbook_six_rater_distribution_example_matches_irrCAC()
    {
        var units = Distrib6Raters.Select(row =>
            (IReadOnlyList<double>)row.SelectMany((count, k) => Enumerable.Repeat(FiveCategories[k], count)).ToList()).ToList();
        var r = GwetAc1.FromUnits(units, FiveCategories)!;
        Assert.Equal(0.5511111, r.ObservedAgreement, 7);
        Assert.Equal(0.1914815, r.ChanceAgreement, 7);
        Assert.Equal(0.4448007, r.Ac1!.Value, 7);
        Assert.Equal(0.4139265, FleissKappa.Of(Distrib6Raters).Kappa!.Value, 7);
    }

    // The kappa paradox (Feinstein & Cicchetti 1990): 20 contacts, 4 evaluators, an item done on every contact but one,
    // where one evaluator marks it "no" once. 98.75% of answers agree, yet kappa and alpha call it poor; AC1 does not.
    [Fact]
    public void Near_always_yes_item_keeps_a_high_ac1_where_kappa_collapses()
    {
        var units = Enumerable.Range(0, 20).Select(u => (IReadOnlyList<double>)(u == 7 ? [0, 0, 0, 1] : [0, 0, 0, 0])).ToList();
        var ac1 = GwetAc1.FromUnits(units, [0, 1, 2])!.Ac1!.Value;
        var kappa = FleissKappa.Of(units.Select(u => (IReadOnlyList<int>)[u.Count(v => v == 0), u.Count(v => v == 1)]).ToList()).Kappa!.Value;
        var alpha = KrippendorffAlpha.FromUnits(units, AlphaMetric.Nominal)!.Value;
        Assert.True(ac1 > 0.95, $"AC1 {ac1}");
        Assert.True(kappa < 0.05, $"kappa {kappa}");
        Assert.True(alpha < 0.05, $"alpha {alpha}");
    }

    [Fact]
    public void A_rating_outside_the_scale_is_refused_by_name()
    {
        var e = Assert.Throws<ArgumentException>(() => GwetAc1.FromUnits([[1, 7]], FiveCategories));
        Assert.Contains("7", e.Message);
    }

    [Fact]
    public void Without_a_unit_rated_twice_ac1_is_undefined() =>
        Assert.Null(GwetAc1.FromUnits([[1], [2]], FiveCategories));
}
