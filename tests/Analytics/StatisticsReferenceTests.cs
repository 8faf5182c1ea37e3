using QmInsights.Domain.Analytics;

namespace QmInsights.Tests.Analytics;

public sealed class StatisticsReferenceTests
{
    [Fact]
    public void Benjamini_Hochberg_rejects_the_first_four_of_the_papers_fifteen_p_values()
    {
        // Benjamini & Hochberg (1995), "Controlling the false discovery rate", JRSS B 57(1), section 4: the 15 p-values
        // of a multiple-endpoint study; at q = 0.05 Bonferroni rejects 3 hypotheses, the FDR procedure 4.
        double[] p = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.0000];
        var adjusted = BenjaminiHochberg.Adjust(p);
        Assert.Equal(4, adjusted.Count(a => a <= 0.05));
        Assert.Equal(3, p.Count(x => x * p.Length <= 0.05));
        // p_(4) * 15 / 4 = 0.035625; p_(5) * 15 / 5 = 0.0603.
        Assert.Equal(0.035625, adjusted[3], 6);
        Assert.Equal(0.0603, adjusted[4], 4);
    }

    [Fact]
    public void Adjusted_p_values_keep_the_input_order_and_are_monotone_in_p()
    {
        double[] p = [0.04, 0.001, 0.03, 0.5];
        var adjusted = BenjaminiHochberg.Adjust(p);
        // Sorted: 0.001*4/1 = 0.004; 0.03*4/2 = 0.06; 0.04*4/3 = 0.0533 -> min with later = 0.0533; 0.5*4/4 = 0.5.
        Assert.Equal([0.053333, 0.004, 0.053333, 0.5], adjusted.Select(a => Math.Round(a, 6)));
    }

    [Fact]
    public void Regression_matches_Anscombes_first_data_set()
    {
        // Anscombe (1973), "Graphs in Statistical Analysis", The American Statistician 27(1): data set I gives
        // y = 3.00 + 0.500 x, standard error of the slope 0.118, t = 4.24 (9 degrees of freedom).
        double[] x = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
        double[] y = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];
        var model = LinearModel.Fit(x.Select(v => new[] { v }).ToList(), y, ["x"]);
        Assert.Equal(3.00, model.Coefficients[0], 2);
        Assert.Equal(0.500, model.Coefficients[1], 3);
        Assert.Equal(0.118, model.StandardErrors[1], 3);
        Assert.Equal(9, model.DegreesOfFreedom);
        var (estimate, low, high, pValue) = model.Effect("x")!.Value;
        Assert.Equal(4.24, estimate / model.StandardErrors[1], 2);
        Assert.True(low < 0.5 && 0.5 < high && pValue < 0.01);
    }

    [Fact]
    public void Redundant_columns_are_dropped_instead_of_failing_the_fit()
    {
        var random = new Random(3);
        var rows = Enumerable.Range(0, 200).Select(_ => { var a = random.NextDouble(); return new[] { a, 2 * a, 0.0, random.NextDouble() }; }).ToList();
        var y = rows.Select(r => 1 + 3 * r[0] - 2 * r[3] + 0.01 * (random.NextDouble() - 0.5)).ToList();
        var model = LinearModel.Fit(rows, y, ["a", "twiceA", "zero", "b"]);
        Assert.Equal(["(intercept)", "a", "b"], model.Names);
        Assert.Null(model.Effect("twiceA"));
        Assert.Equal(3, model.Effect("a")!.Value.Estimate, 1);
        Assert.Equal(-2, model.Effect("b")!.Value.Estimate, 1);
    }

    [Fact]
    public void Ninety_five_percent_intervals_cover_the_true_slope_about_95_percent_of_the_time()
    {
        var random = new Random(11);
        var covered = 0;
        const int runs = 400;
        for (var run = 0; run < runs; run++)
        {
            var rows = Enumerable.Range(0, 40).Select(_ => new[] { random.NextDouble() * 10 }).ToList();
            var y = rows.Select(r => 2 + 0.7 * r[0] + MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1.5)).ToList();
            var (_, low, high, _) = LinearModel.Fit(rows, y, ["x"]).Effect("x")!.Value;
            if (low <= 0.7 && 0.7 <= high) covered++;
        }
        Assert.InRange(covered / (double)runs, 0.92, 0.98);
    }
}
