using QmInsights.Domain.Statistics.Reliability;

namespace QmInsights.Tests.Statistics.Reliability;

public sealed class PercentAgreementReliabilityTests
{
    [Fact]
    public void Share_is_agreeing_pairs_over_all_pairs_of_answers()
    {
        // 4 answers make 6 pairs; the three "yes" agree pairwise (3 pairs), "no" agrees with nobody.
        var a = PercentAgreement.OfUnit(["yes", "yes", "yes", "no"]);
        Assert.Equal(new PairAgreement(3, 6), a);
        Assert.Equal(0.5, a.Share);
    }

    [Fact]
    public void Na_is_an_answer_like_any_other()
    {
        Assert.Equal(new PairAgreement(1, 3), PercentAgreement.OfUnit(["na", "na", "yes"]));
    }

    [Fact]
    public void Unit_with_a_single_answer_adds_no_pair()
    {
        var a = PercentAgreement.OfUnit(["yes"]);
        Assert.Equal(new PairAgreement(0, 0), a);
        Assert.Null(a.Share);
    }

    [Fact]
    public void Item_share_pools_pairs_over_units_rather_than_averaging_unit_shares()
    {
        // Unit 1: 3 raters all agree (3/3); unit 2: 2 raters disagree (0/1): pooled 3/4, not the mean of 1 and 0.
        var a = PercentAgreement.Of<string>([["yes", "yes", "yes"], ["yes", "no"], ["no"]]);
        Assert.Equal(new PairAgreement(3, 4), a);
        Assert.Equal(0.75, a.Share);
    }

    [Fact]
    public void Perfect_agreement_gives_one()
    {
        Assert.Equal(1, PercentAgreement.Of<string>([["no", "no"], ["yes", "yes", "yes"]]).Share);
    }

    [Fact]
    public void Matrix_form_skips_missing_values()
    {
        // Krippendorff (2011) example C (see KrippendorffAlphaReliabilityTests): per unit, agreeing/all pairs are
        // 3/3, 3/6, 6/6, 6/6, 6/6, 0/6, 6/6, 3/6, 6/6, 3/3, 1/1 and unit 12 (one value) 0/0: 43 of 55 pairs.
        double?[][] data =
        [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
            [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
        ];
        Assert.Equal(new PairAgreement(43, 55), PercentAgreement.FromCoders(data));
    }
}
