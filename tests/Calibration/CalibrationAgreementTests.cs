using System.Collections.Immutable;
using QmInsights.Domain.Calibration;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Statistics.Reliability;

namespace QmInsights.Tests.Calibration;

public sealed class CalibrationAgreementTests
{
    private static readonly string[] Raters = ["e1", "e2", "e3", "e4", "e5"];

    // A session of 10 contacts: "greet" done on all, one evaluator once marks it "no"; "upsell" done on half, evaluators
    // disagree on two contacts; the expert's own scores never enter the agreement.
    private static (CalibrationSession Session, List<CalibrationResults.Rating> Ratings) Session(string id, int seed)
    {
        var random = new Random(seed);
        var contacts = Enumerable.Range(1, 10).Select(i => $"{id}-c{i}").ToList();
        var ratings = new List<CalibrationResults.Rating>();
        foreach (var (rater, r) in Raters.Append("expert").Select((e, r) => (e, r)))
            for (var c = 0; c < contacts.Count; c++)
            {
                var greet = r == 2 && c == 3 ? ItemAnswer.No : ItemAnswer.Yes;
                var upsell = c % 2 == 0 ? ItemAnswer.Yes : ItemAnswer.No;
                if (c < 2 && random.NextDouble() < 0.5) upsell = upsell == ItemAnswer.Yes ? ItemAnswer.No : ItemAnswer.Yes;
                ratings.Add(new CalibrationResults.Rating(rater, contacts[c], (greet == ItemAnswer.Yes ? 50 : 0) + (upsell == ItemAnswer.Yes ? 40 : 0) + random.Next(10),
                    [new ItemResponse("greet", greet), new ItemResponse("upsell", upsell)]));
            }
        return (new CalibrationSession(id, "card", [.. contacts], [.. Raters, "expert"], "expert", DateTimeOffset.UnixEpoch), ratings);
    }

    [Fact]
    public void Each_item_gets_its_own_alpha_with_a_bootstrap_interval_and_ac1_beside_kappa()
    {
        var (session, ratings) = Session("s1", 1);
        var results = CalibrationResults.Compute(session, ratings);
        foreach (var item in results.Items)
        {
            var answers = Enumerable.Range(0, 10).Select(c => (IReadOnlyList<double>)ratings
                .Where(r => r.EvaluatorId != "expert" && r.InteractionId == $"s1-c{c + 1}")
                .Select(r => (double)(int)r.Answers.Single(a => a.ItemId == item.ItemId).Answer).ToList()).ToList();
            Assert.Equal(KrippendorffAlpha.FromUnits(answers, AlphaMetric.Nominal), item.KrippendorffAlpha);
            Assert.InRange(item.KrippendorffAlpha!.Value, item.KrippendorffAlphaCi95![0], item.KrippendorffAlphaCi95[1]);
            Assert.Equal(GwetAc1.FromUnits(answers, CalibratedUnit.AnswerCodes)!.Ac1, item.GwetAc1);
        }
        // The kappa paradox on "greet": 49 of 50 answers "yes", kappa and alpha near zero, AC1 near the agreement.
        var greet = results.Items.Single(i => i.ItemId == "greet");
        Assert.True(greet.FleissKappa < 0.05 && greet.GwetAc1 > 0.95, $"kappa {greet.FleissKappa}, AC1 {greet.GwetAc1}");
        Assert.Equal("greet", results.Items[0].ItemId); // poorest alpha first
        Assert.InRange(results.Overall.KrippendorffAlphaInterval!.Value, results.Overall.KrippendorffAlphaIntervalCi95![0],
            results.Overall.KrippendorffAlphaIntervalCi95[1]);
        Assert.NotNull(results.Overall.KrippendorffAlphaNominalCi95);
        Assert.NotNull(results.Overall.GwetAc1);
    }

    [Fact]
    public void A_month_pools_its_sessions_contacts_into_one_alpha()
    {
        var first = Session("s1", 1);
        var second = Session("s2", 2);
        var r1 = CalibrationResults.Compute(first.Session, first.Ratings);
        var r2 = CalibrationResults.Compute(second.Session, second.Ratings);
        var held = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
        var months = CalibrationMonth.Of([(held, r1), (held.AddDays(9), r2), (held.AddMonths(1), r1)]);

        Assert.Equal(["2026-03", "2026-04"], months.Select(m => m.Month));
        Assert.Equal(2, months[0].Sessions);
        Assert.Equal(20, months[0].Interactions);
        var pooledTotals = r1.Units.Concat(r2.Units).Select(u => (IReadOnlyList<double>)u.Totals).ToList();
        Assert.Equal(KrippendorffAlpha.FromUnits(pooledTotals, AlphaMetric.Interval)!.Value, months[0].KrippendorffAlphaInterval!.Value, 12);
        // Twice the contacts: a narrower interval than one session's.
        var width = (double[] ci) => ci[1] - ci[0];
        Assert.True(width(months[0].KrippendorffAlphaIntervalCi95!) < width(r1.Overall.KrippendorffAlphaIntervalCi95!));
        Assert.Equal(r1.Overall.KrippendorffAlphaNominal!.Value, months[1].KrippendorffAlphaNominal!.Value, 12);
    }
}
