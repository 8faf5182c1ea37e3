using QmInsights.Domain.Analytics;

namespace QmInsights.Tests.Analytics;

public sealed class ModelSkillTests
{
    [Fact]
    public void Auc_matches_Hanley_and_McNeils_CT_ratings()
    {
        // Hanley & McNeil (1982), "The meaning and use of the area under a ROC curve", Radiology 143, 29-36, Table 1:
        // 109 CT images rated 1-5; normal 33/6/6/11/2, abnormal 3/2/2/11/33; area (ties counted half) 0.893.
        int[] normal = [33, 6, 6, 11, 2], abnormal = [3, 2, 2, 11, 33];
        var scores = new List<float>();
        var positive = new List<bool>();
        for (var rating = 0; rating < 5; rating++)
        {
            scores.AddRange(Enumerable.Repeat((float)(rating + 1), normal[rating] + abnormal[rating]));
            positive.AddRange(Enumerable.Repeat(false, normal[rating]).Concat(Enumerable.Repeat(true, abnormal[rating])));
        }
        Assert.Equal(0.893, ModelSkill.Auc(positive, scores, Enumerable.Repeat(1.0, scores.Count).ToList()), 3);
        // A weight of 2 is the image counted twice: doubling every abnormal image leaves the area unchanged.
        var doubled = positive.Select(p => p ? 2.0 : 1.0).ToList();
        Assert.Equal(0.893, ModelSkill.Auc(positive, scores, doubled), 3);
    }

    [Fact]
    public void Holm_adjusts_the_smallest_p_by_m_and_each_next_by_one_less_never_falling()
    {
        // Holm (1979), Scand. J. Statistics 6(2), 65-70: reject while p_(i) <= a / (m - i + 1). Worked by hand for
        // m = 4, sorted 0.01, 0.03, 0.04, 0.5: 0.01 x 4 = 0.04; 0.03 x 3 = 0.09; 0.04 x 2 = 0.08, raised to 0.09
        // (never below an earlier one); 0.5 x 1 = 0.5.
        Assert.Equal([0.09, 0.04, 0.5, 0.09], Holm.Adjust([0.04, 0.01, 0.5, 0.03]).Select(p => Math.Round(p, 10)));
    }

    [Fact]
    public void R_squared_is_zero_for_predicting_the_mean_and_one_for_a_perfect_fit()
    {
        double[] y = [1, 2, 3, 4];
        double[] w = [1, 1, 1, 1];
        Assert.Equal(0, ModelSkill.RSquared(y, [2.5f, 2.5f, 2.5f, 2.5f], w), 10);
        Assert.Equal(1, ModelSkill.RSquared(y, [1f, 2f, 3f, 4f], w), 10);
    }
}
