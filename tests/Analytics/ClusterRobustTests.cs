using System.Globalization;
using QmInsights.Domain.Analytics;

namespace QmInsights.Tests.Analytics;

public sealed class ClusterRobustTests
{
    // Grunfeld (1950) investment data, 10 firms x 20 years (1935-1954), as recreated by Kleiber & Zeileis (2010),
    // "The Grunfeld Data at 50", German Economic Review 11(4); the first 200 rows of statsmodels' copy (public domain).
    private static (List<double[]> X, List<double> Y, List<string> Firm) Grunfeld()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Analytics", "Data", "grunfeld.csv")).Skip(1);
        var x = new List<double[]>();
        var y = new List<double>();
        var firm = new List<string>();
        foreach (var fields in lines.Select(l => l.Split(',')))
        {
            y.Add(double.Parse(fields[0], CultureInfo.InvariantCulture));
            x.Add([double.Parse(fields[1], CultureInfo.InvariantCulture), double.Parse(fields[2], CultureInfo.InvariantCulture)]);
            firm.Add(fields[3]);
        }
        return (x, y, firm);
    }

    [Fact]
    public void Clustered_errors_match_Statas_regress_with_vce_cluster_on_the_Grunfeld_data()
    {
        // Stata: regress invest mvalue kstock, vce(cluster company) on these 200 rows: N_clust 10, df_r 9;
        // b (se): mvalue .11556216 (.01589434), kstock .23067849 (.08496711), _cons -42.714369 (20.425203)
        // (the reference output kept in statsmodels' results_grunfeld_ols_robust_cluster.py, "results_cluster").
        var (x, y, firm) = Grunfeld();
        Assert.Equal(200, y.Count);
        var model = LinearModel.Fit(x, y, ["mvalue", "kstock"], clusters: firm);
        Assert.Equal(10, model.Clusters);
        Assert.Equal(9, model.DegreesOfFreedom);
        Assert.Equal(-42.714369, model.Coefficients[0], 5);
        Assert.Equal(0.11556216, model.Coefficients[1], 7);
        Assert.Equal(0.23067849, model.Coefficients[2], 7);
        Assert.Equal(20.425203, model.StandardErrors[0], 4);
        Assert.Equal(0.01589434, model.StandardErrors[1], 7);
        Assert.Equal(0.08496711, model.StandardErrors[2], 7);
        // Stata's interval on t(9): mvalue .07960667 to .15151764.
        var (_, low, high, _) = model.Effect("mvalue")!.Value;
        Assert.Equal(0.07960667, low, 6);
        Assert.Equal(0.15151764, high, 6);
    }

    [Fact]
    public void The_joint_Wald_test_matches_Statas_F_after_regress_with_vce_cluster_on_the_Grunfeld_data()
    {
        // Stata's model F after regress invest mvalue kstock, vce(cluster company): F(2, 9) = 51.59060716590177
        // (statsmodels' results_grunfeld_ols_robust_cluster.py, "results_cluster": F, df_m 2, df_r 9).
        var (x, y, firm) = Grunfeld();
        var model = LinearModel.Fit(x, y, ["mvalue", "kstock"], clusters: firm);
        var (f, df1, df2, p) = model.Wald(["mvalue", "kstock"])!.Value;
        Assert.Equal(51.59060716590177, f, 4);
        Assert.Equal((2, 9), (df1, df2));
        Assert.True(p < 0.0001);
        // One coefficient alone: F is the square of its t, with the same p-value.
        var (estimate, _, _, pOne) = model.Effect("kstock")!.Value;
        var single = model.Wald(["kstock"])!.Value;
        Assert.Equal(Math.Pow(estimate / model.StandardErrors[2], 2), single.F, 8);
        Assert.Equal(pOne, single.P, 8);
    }

    [Fact]
    public void Weights_that_repeat_rows_give_the_coefficients_of_the_repeated_data()
    {
        // A weight of 2 is the same row counted twice: identical point estimates (frequency-weight identity).
        var random = new Random(5);
        var rows = Enumerable.Range(0, 60).Select(_ => new[] { random.NextDouble() }).ToList();
        var y = rows.Select(r => 1 + 2 * r[0] + random.NextDouble()).ToList();
        var weights = rows.Select((_, i) => i % 3 == 0 ? 2.0 : 1.0).ToList();
        var repeated = rows.SelectMany((r, i) => Enumerable.Repeat(r, (int)weights[i])).ToList();
        var repeatedY = y.SelectMany((v, i) => Enumerable.Repeat(v, (int)weights[i])).ToList();
        var weighted = LinearModel.Fit(rows, y, ["x"], weights);
        var copied = LinearModel.Fit(repeated, repeatedY, ["x"]);
        Assert.Equal(copied.Coefficients[1], weighted.Coefficients[1], 10);
        Assert.Equal(copied.Coefficients[0], weighted.Coefficients[0], 10);
    }
}
