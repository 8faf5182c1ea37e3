using QmInsights.Domain.Statistics.Reliability;

namespace QmInsights.Tests.Statistics.Reliability;

public sealed class FleissKappaReliabilityTests
{
    // Fleiss, J. L. (1971). "Measuring nominal scale agreement among many raters". Psychological Bulletin 76(5),
    // 378-382, Table 1: 30 subjects, 6 raters each, 5 diagnostic categories (Depression, Personality disorder,
    // Schizophrenia, Neurosis, Other). Counts n_ij tallied from the per-rater listing of that table in the R
    // packages irr (data "diagnoses") and lagree (data-raw/make-data-for-examples.R, "Table 1 of Fleiss (1971)").
    private static readonly int[][] Fleiss1971Table1 =
    [
        [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0],
        [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6],
        [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1],
        [0, 0, 5, 0, 1], [3, 0, 0, 1, 2], [5, 1, 0, 0, 0], [0, 2, 0, 4, 0], [1, 0, 2, 0, 3],
        [0, 0, 0, 0, 6], [0, 1, 0, 5, 0], [0, 2, 0, 1, 3], [2, 0, 0, 4, 0], [1, 0, 0, 4, 1],
        [0, 5, 0, 1, 0], [4, 0, 0, 0, 2], [0, 2, 0, 4, 0], [1, 0, 5, 0, 0], [0, 0, 0, 0, 6],
    ];

    // Fleiss (1971), Table 1 example: kappa = .430 (published to 3 decimals).
    [Fact]
    public void Fleiss_1971_table_1_gives_published_kappa()
    {
        var r = FleissKappa.Of(Fleiss1971Table1);
        Assert.Equal(30, r.Subjects);
        Assert.Equal(6, r.RatersPerSubject);
        Assert.Equal(0.430, r.Kappa!.Value, 3);
        // P-bar = 500/900 exactly (Σ_i Σ_j n_ij² = 680, (680 - 180) / (30 * 6 * 5)).
        Assert.Equal(500.0 / 900, r.ObservedAgreement, 12);
        // p_j: column totals 26, 26, 30, 55, 43 over 180 ratings.
        Assert.Equal([26 / 180.0, 26 / 180.0, 30 / 180.0, 55 / 180.0, 43 / 180.0], r.CategoryProportions);
    }

    // Per-category kappa_j = 1 - Σ_i n_ij (n - n_ij) / (N n (n - 1) p_j q_j) (Fleiss 1971) on Table 1.
    // These values come from this formula, hand-checkable from the proportions above; they were not compared
    // with a printed table of the paper (not found in the sources available).
    [Fact]
    public void Category_kappas_follow_fleiss_formula_on_table_1()
    {
        var r = FleissKappa.Of(Fleiss1971Table1);
        double[] expected = [0.245, 0.245, 0.520, 0.471, 0.566];
        for (var j = 0; j < 5; j++) Assert.Equal(expected[j], r.CategoryKappas[j]!.Value, 3);
        // Schizophrenia exactly: Σ n_i3 (6 - n_i3) = 60 and N n (n - 1) p q = 30 * 6 * 5 * (1/6)(5/6) = 125, so 1 - 60/125.
        Assert.Equal(0.52, r.CategoryKappas[2]!.Value, 12);
    }

    // Widely reproduced worked example: Wikipedia, "Fleiss' kappa", section "Worked example" (10 subjects,
    // 14 raters, 5 categories), also the example in G. Cardillo's MATLAB "Fleiss" (File Exchange 15426):
    // P-bar = 0.378, P_e-bar = 0.213, kappa = 0.210 (to 3 decimals).
    [Fact]
    public void Wikipedia_worked_example_gives_published_kappa()
    {
        int[][] counts =
        [
            [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
        ];
        var r = FleissKappa.Of(counts);
        Assert.Equal(0.378, r.ObservedAgreement, 3);
        Assert.Equal(0.213, r.ChanceAgreement, 3);
        Assert.Equal(0.210, r.Kappa!.Value, 3);
    }

    [Fact]
    public void Unequal_numbers_of_raters_per_subject_are_rejected()
    {
        int[][] counts = [[2, 1], [1, 1]];
        var e = Assert.Throws<ArgumentException>(() => FleissKappa.Of(counts));
        Assert.Contains("same number of raters", e.Message);
    }

    [Fact]
    public void Fewer_than_two_raters_per_subject_are_rejected()
    {
        int[][] counts = [[1, 0], [0, 1]];
        Assert.Throws<ArgumentException>(() => FleissKappa.Of(counts));
    }

    [Fact]
    public void Kappa_is_undefined_when_every_rating_falls_in_one_category()
    {
        int[][] counts = [[0, 4, 0], [0, 4, 0], [0, 4, 0]];
        var r = FleissKappa.Of(counts);
        Assert.Null(r.Kappa);
        Assert.Equal(1, r.ObservedAgreement);
        Assert.Equal(1, r.ChanceAgreement);
        // Used always or never: no spread, so no per-category kappa either.
        Assert.All(r.CategoryKappas, Assert.Null);
    }

    [Fact]
    public void Perfect_agreement_on_varied_subjects_gives_one()
    {
        int[][] counts = [[3, 0, 0], [0, 3, 0], [0, 0, 3], [3, 0, 0]];
        var r = FleissKappa.Of(counts);
        Assert.Equal(1, r.Kappa!.Value, 12);
        Assert.All(r.CategoryKappas, k => Assert.Equal(1, k!.Value, 12));
    }

    [Fact]
    public void Tally_counts_each_subjects_ratings_per_category()
    {
        var counts = FleissKappa.Tally([[0, 0, 2], [1, 2, 2]], 3);
        Assert.Equal([2, 0, 1], counts[0]);
        Assert.Equal([0, 1, 2], counts[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => FleissKappa.Tally([[3]], 3));
    }
}
