using QmInsights.Domain.Statistics.Reliability;

namespace QmInsights.Tests.Statistics.Reliability;

public sealed class IntraclassCorrelationReliabilityTests
{
    // Shrout, P. E. & Fleiss, J. L. (1979). "Intraclass correlations: uses in assessing rater reliability".
    // Psychological Bulletin 86(2), 420-428, Table 2: 6 targets rated by 4 judges.
    private static readonly double[][] ShroutFleissTable2 =
    [
        [9, 2, 5, 8],
        [6, 1, 3, 2],
        [8, 4, 6, 8],
        [7, 1, 2, 6],
        [10, 5, 6, 9],
        [6, 2, 4, 7],
    ];

    // Shrout & Fleiss (1979), Table 4: ICC(1,1) = .17, ICC(2,1) = .29, ICC(3,1) = .71,
    // ICC(1,4) = .44, ICC(2,4) = .62, ICC(3,4) = .91 (published to 2 decimals).
    [Fact]
    public void Shrout_Fleiss_1979_table_2_gives_table_4_iccs()
    {
        var r = IntraclassCorrelation.Of(ShroutFleissTable2);
        Assert.Equal(0.17, r.Icc11.Value!.Value, 2);
        Assert.Equal(0.29, r.Icc21.Value!.Value, 2);
        Assert.Equal(0.71, r.Icc31.Value!.Value, 2);
        Assert.Equal(0.44, r.Icc1K.Value!.Value, 2);
        Assert.Equal(0.62, r.Icc2K.Value!.Value, 2);
        Assert.Equal(0.91, r.Icc3K.Value!.Value, 2);
    }

    // Shrout & Fleiss (1979), Table 3 (analysis of variance of Table 2): BMS = 11.24, WMS = 6.26, JMS = 32.49,
    // EMS = 1.02 (2 decimals). Exactly: BMS = 56.2083/5, JMS = 97.4583/3, EMS = 15.2917/15.
    [Fact]
    public void Shrout_Fleiss_1979_table_2_gives_table_3_mean_squares()
    {
        var ms = IccMeanSquares.Of(ShroutFleissTable2);
        Assert.Equal(11.24, ms.Bms, 2);
        Assert.Equal(6.26, ms.Wms, 2);
        Assert.Equal(32.49, ms.Jms, 2);
        Assert.Equal(1.02, ms.Ems, 2);
        Assert.Equal((6, 4), (ms.Targets, ms.Judges));
    }

    // The confidence limits are Shrout & Fleiss's F-based formulas (their eqs. for cases 1 and 3, Satterthwaite
    // for case 2, Spearman-Brown of the ICC(2,1) limits for ICC(2,k)). Cross-check against software, not a paper:
    // McGraw & Wong (1996), "Forming inferences about some intraclass correlation coefficients", Psychological
    // Methods 1(1), Table 6 data (10 targets x 2 judges), with the 95% limits printed by R DescTools::ICC
    // (as quoted in the verification comment of the public MATLAB f_ICC.m), to 3 decimals.
    [Fact]
    public void Confidence_limits_match_r_desctools_on_mcgraw_wong_table_6()
    {
        double[][] data =
        [
            [103, 119], [82, 65], [116, 106], [102, 102], [99, 105],
            [98, 100], [104, 107], [62, 85], [97, 101], [107, 110],
        ];
        var r = IntraclassCorrelation.Of(data);
        AssertIcc(r.Icc11, 0.722, 0.241, 0.922);
        AssertIcc(r.Icc21, 0.720, 0.228, 0.922);
        AssertIcc(r.Icc31, 0.714, 0.197, 0.920);
        AssertIcc(r.Icc1K, 0.838, 0.389, 0.959);
        AssertIcc(r.Icc2K, 0.837, 0.371, 0.959);
        AssertIcc(r.Icc3K, 0.833, 0.329, 0.959);
    }

    [Fact]
    public void Every_interval_contains_its_estimate_on_the_shrout_fleiss_data()
    {
        var r = IntraclassCorrelation.Of(ShroutFleissTable2);
        foreach (var icc in new[] { r.Icc11, r.Icc21, r.Icc31, r.Icc1K, r.Icc2K, r.Icc3K })
        {
            Assert.True(icc.Lower < icc.Value, $"{icc}");
            Assert.True(icc.Value < icc.Upper, $"{icc}");
        }
        // A wider confidence gives a wider interval.
        var wide = IntraclassCorrelation.Of(ShroutFleissTable2, 0.99);
        Assert.True(wide.Icc31.Lower < r.Icc31.Lower && wide.Icc31.Upper > r.Icc31.Upper);
    }

    [Fact]
    public void Identical_judges_on_varied_targets_give_one_and_no_interval()
    {
        double[][] data = [[70, 70, 70], [85, 85, 85], [90, 90, 90]];
        var r = IntraclassCorrelation.Of(data);
        foreach (var icc in new[] { r.Icc11, r.Icc21, r.Icc31, r.Icc1K, r.Icc2K, r.Icc3K })
        {
            Assert.Equal(1, icc.Value!.Value, 12);
            // With no error variance the F ratio is infinite: no finite interval to report.
            Assert.Null(icc.Lower);
            Assert.Null(icc.Upper);
        }
    }

    [Fact]
    public void Iccs_are_undefined_when_all_values_are_equal()
    {
        double[][] data = [[80, 80], [80, 80], [80, 80]];
        var r = IntraclassCorrelation.Of(data);
        Assert.Null(r.Icc11.Value);
        Assert.Null(r.Icc21.Value);
        Assert.Null(r.Icc31.Value);
        Assert.Null(r.Icc3K.Value);
    }

    [Fact]
    public void Consistency_icc_ignores_a_judge_offset_but_absolute_agreement_does_not()
    {
        var shifted = ShroutFleissTable2.Select(row => row.Select((v, j) => j == 1 ? v + 10 : v).ToArray()).ToArray();
        var before = IntraclassCorrelation.Of(ShroutFleissTable2);
        var after = IntraclassCorrelation.Of(shifted);
        Assert.Equal(before.Icc31.Value!.Value, after.Icc31.Value!.Value, 12);
        Assert.Equal(before.Icc3K.Value!.Value, after.Icc3K.Value!.Value, 12);
        Assert.True(after.Icc21.Value < before.Icc21.Value);
    }

    [Fact]
    public void Every_icc_is_unchanged_by_adding_a_constant_to_all_values()
    {
        var shifted = ShroutFleissTable2.Select(row => row.Select(v => v + 1000).ToArray()).ToArray();
        var before = IntraclassCorrelation.Of(ShroutFleissTable2);
        var after = IntraclassCorrelation.Of(shifted);
        Assert.Equal(before.Icc21.Value!.Value, after.Icc21.Value!.Value, 9);
        Assert.Equal(before.Icc21.Lower!.Value, after.Icc21.Lower!.Value, 9);
        Assert.Equal(before.Icc11.Upper!.Value, after.Icc11.Upper!.Value, 9);
    }

    [Fact]
    public void Incomplete_matrix_is_rejected()
    {
        double[][] ragged = [[1, 2, 3], [4, 5]];
        Assert.Throws<ArgumentException>(() => IntraclassCorrelation.Of(ragged));
        double[][] oneTarget = [[1, 2, 3]];
        Assert.Throws<ArgumentException>(() => IntraclassCorrelation.Of(oneTarget));
    }

    private static void AssertIcc(IccEstimate icc, double value, double lower, double upper)
    {
        Assert.Equal(value, icc.Value!.Value, 3);
        Assert.Equal(lower, icc.Lower!.Value, 3);
        Assert.Equal(upper, icc.Upper!.Value, 3);
    }
}
