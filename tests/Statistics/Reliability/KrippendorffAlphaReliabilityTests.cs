using QmInsights.Domain.Statistics.Reliability;

namespace QmInsights.Tests.Statistics.Reliability;

public sealed class KrippendorffAlphaReliabilityTests
{
    // Krippendorff, K. (2011). "Computing Krippendorff's Alpha-Reliability". Annenberg School for Communication,
    // Departmental Papers (ASC). Worked example C: 4 coders (A-D) x 12 units with missing values ('.' = null).
    private static readonly double?[][] Paper =
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null], // A
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],       // B
        [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],    // C
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],       // D
    ];

    private static double Alpha(IReadOnlyList<IReadOnlyList<double?>> data, AlphaMetric metric) =>
        KrippendorffAlpha.FromCoders(data, metric) ?? throw new Xunit.Sdk.XunitException("alpha undefined");

    // Krippendorff (2011), example C: alpha_nominal = 0.743, alpha_ordinal = 0.815,
    // alpha_interval = 0.849, alpha_ratio = 0.797 (published to 3 decimals).
    [Theory]
    [InlineData(AlphaMetric.Nominal, 0.743)]
    [InlineData(AlphaMetric.Ordinal, 0.815)]
    [InlineData(AlphaMetric.Interval, 0.849)]
    [InlineData(AlphaMetric.Ratio, 0.797)]
    public void Krippendorff_2011_example_matches_published_alpha(AlphaMetric metric, double published) =>
        Assert.Equal(published, Alpha(Paper, metric), 3);

    // Krippendorff (2011), example C, coincidence matrix margins: n_1..n_5 = 9, 13, 10, 5, 3 and n.. = 40
    // pairable values in 11 pairable units (unit 12 holds one value).
    [Fact]
    public void Krippendorff_2011_example_coincidence_margins_match_the_paper()
    {
        var m = CoincidenceMatrix.FromCoders(Paper);
        Assert.Equal([1.0, 2, 3, 4, 5], m.Values);
        Assert.Equal([9.0, 13, 10, 5, 3], Enumerable.Range(0, 5).Select(c => Math.Round(m.Margin(c), 9)));
        Assert.Equal(40, m.PairableValues, 9);
        Assert.Equal(11, m.PairableUnits);
        // Exact in fractions: nominal alpha = 1 - (n.. - 1) Σ_{c≠k} o_ck / (n..² - Σ n_c²) = 1 - 39 * 8 / (1600 - 384).
        Assert.Equal(1 - 39.0 * 8 / 1216, Alpha(Paper, AlphaMetric.Nominal), 12);
    }

    [Fact]
    public void Unit_with_a_single_value_is_ignored()
    {
        var withoutUnit12 = Paper.Select(r => (IReadOnlyList<double?>)r[..11]).ToList();
        var loneValueChanged = Paper.Select(r => (IReadOnlyList<double?>)r.ToArray()).ToList();
        ((double?[])loneValueChanged[1])[11] = 99;
        foreach (var metric in Enum.GetValues<AlphaMetric>())
        {
            Assert.Equal(Alpha(withoutUnit12, metric), Alpha(Paper, metric), 12);
            Assert.Equal(Alpha(loneValueChanged, metric), Alpha(Paper, metric), 12);
        }
    }

    [Fact]
    public void Missing_values_are_left_out_not_treated_as_a_category()
    {
        // Units-of-values form, written without the missing cells, gives the same alpha as the matrix form.
        var units = Enumerable.Range(0, 12)
            .Select(u => (IReadOnlyList<double>)Paper.Where(r => r[u].HasValue).Select(r => r[u]!.Value).ToList());
        foreach (var metric in Enum.GetValues<AlphaMetric>())
            Assert.Equal(Alpha(Paper, metric), KrippendorffAlpha.FromUnits(units, metric)!.Value, 12);
    }

    [Theory]
    [InlineData(AlphaMetric.Nominal)]
    [InlineData(AlphaMetric.Ordinal)]
    [InlineData(AlphaMetric.Interval)]
    [InlineData(AlphaMetric.Ratio)]
    public void Perfect_agreement_gives_one(AlphaMetric metric)
    {
        double?[][] data = [[1, 2, 3, null, 5], [1, 2, 3, 4, 5], [null, 2, 3, 4, 5]];
        Assert.Equal(1, Alpha(data, metric), 12);
    }

    [Fact]
    public void No_variation_at_all_leaves_alpha_undefined()
    {
        double?[][] data = [[2, 2, 2], [2, 2, null]];
        Assert.Null(KrippendorffAlpha.FromCoders(data, AlphaMetric.Nominal));
        Assert.Null(KrippendorffAlpha.FromCoders(data, AlphaMetric.Interval));
    }

    [Fact]
    public void No_pairable_unit_leaves_alpha_undefined()
    {
        double?[][] data = [[1, null, 3], [null, 2, null]];
        Assert.Null(KrippendorffAlpha.FromCoders(data, AlphaMetric.Nominal));
        Assert.Null(KrippendorffAlpha.FromCoders([], AlphaMetric.Interval));
    }

    [Fact]
    public void Systematic_disagreement_gives_alpha_below_zero()
    {
        // Two coders who always pick the other category: observed disagreement exceeds chance.
        double?[][] data = [[0, 1, 0, 1], [1, 0, 1, 0]];
        Assert.True(Alpha(data, AlphaMetric.Nominal) < 0);
    }

    [Fact]
    public void Interval_alpha_is_unchanged_by_adding_a_constant_or_scaling_all_values()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 50; trial++)
        {
            var data = RandomScores(random, coders: random.Next(2, 6), units: random.Next(3, 15));
            var shift = random.NextDouble() * 200 - 100;
            var scale = random.NextDouble() * 5 + 0.1;
            var expected = Alpha(data, AlphaMetric.Interval);
            Assert.Equal(expected, Alpha(Map(data, v => v + shift), AlphaMetric.Interval), 9);
            Assert.Equal(expected, Alpha(Map(data, v => v * scale), AlphaMetric.Interval), 9);
        }
    }

    [Fact]
    public void Nominal_alpha_is_unchanged_by_relabelling_categories_or_reordering_coders()
    {
        var relabelled = Map(Paper, v => v switch { 1 => 50, 2 => -3, 3 => 7, 4 => 0, _ => 11 });
        var reordered = Paper.Reverse().ToList();
        Assert.Equal(Alpha(Paper, AlphaMetric.Nominal), Alpha(relabelled, AlphaMetric.Nominal), 12);
        Assert.Equal(Alpha(Paper, AlphaMetric.Interval), Alpha(reordered, AlphaMetric.Interval), 12);
    }

    [Fact]
    public void Ratio_metric_rejects_negative_values()
    {
        double?[][] data = [[-1, 2], [1, 2]];
        Assert.Throws<ArgumentException>(() => KrippendorffAlpha.FromCoders(data, AlphaMetric.Ratio));
    }

    private static List<IReadOnlyList<double?>> Map(IEnumerable<IReadOnlyList<double?>> data, Func<double, double> f) =>
        data.Select(r => (IReadOnlyList<double?>)r.Select(v => v is { } x ? f(x) : (double?)null).ToList()).ToList();

    private static List<IReadOnlyList<double?>> RandomScores(Random random, int coders, int units)
    {
        var truth = Enumerable.Range(0, units).Select(_ => random.Next(40, 100)).ToArray();
        return Enumerable.Range(0, coders)
            .Select(_ => (IReadOnlyList<double?>)truth
                .Select(t => random.NextDouble() < 0.2 ? (double?)null : t + random.Next(-10, 11)).ToList())
            .ToList();
    }
}
