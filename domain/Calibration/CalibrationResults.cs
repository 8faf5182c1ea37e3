using QmInsights.Domain.Facts;
using QmInsights.Domain.Statistics.Reliability;

namespace QmInsights.Domain.Calibration;

/// <summary>Agreement on one scorecard item across the session's interactions.</summary>
/// <param name="KrippendorffAlphaCi95">Bootstrap 95% interval of the item's alpha, resampling the interactions.</param>
/// <param name="GwetAc1">Gwet's AC1 on the three answers (yes, no, N/A): unlike kappa and alpha it stays near the
/// observed agreement on an item answered "yes" almost always.</param>
public sealed record ItemAgreement(string ItemId, double? PercentAgreement, double? KrippendorffAlpha, double? FleissKappa, int Ratings,
    double[]? KrippendorffAlphaCi95, double? GwetAc1);

/// <summary>Agreement over the whole session: nominal alpha over every item answer, interval alpha over total scores,
/// each with a bootstrap 95% interval that resamples interactions (all of an interaction's answers together).</summary>
public sealed record OverallAgreement(double? PercentAgreement, double? KrippendorffAlphaNominal, double? KrippendorffAlphaInterval,
    double? FleissKappa, IccResult? Icc, string? IccNote, double[]? KrippendorffAlphaNominalCi95,
    double[]? KrippendorffAlphaIntervalCi95, double? GwetAc1);

/// <summary>One interaction of a session as the evaluators (not the expert) scored it: the answers each item received
/// (coded as <see cref="ItemAnswer"/>) and the total scores; the unit agreement statistics and their bootstrap count.</summary>
public sealed record CalibratedUnit(string InteractionId, IReadOnlyDictionary<string, List<double>> Items, List<double> Totals)
{
    /// <summary>The codes an item answer can take: yes, no and N/A, the scale AC1's chance agreement is over.</summary>
    public static readonly double[] AnswerCodes = [(int)ItemAnswer.Yes, (int)ItemAnswer.No, (int)ItemAnswer.NotApplicable];

    /// <summary>The units' nominal alpha pooled over items and interval alpha over total scores, with bootstrap
    /// intervals resampling units, and AC1 pooled over items.</summary>
    public static (ReliabilityInterval Nominal, ReliabilityInterval Interval, double? Ac1) Pooled(IReadOnlyList<CalibratedUnit> units) =>
        (AlphaBootstrap.Of(units.Select(u => (IReadOnlyList<IReadOnlyList<double>>)u.Items.Values.ToList()).ToList(), AlphaMetric.Nominal),
            AlphaBootstrap.OfUnits(units.Select(u => (IReadOnlyList<double>)u.Totals).ToList(), AlphaMetric.Interval),
            GwetAc1.FromUnits(units.SelectMany(u => u.Items.Values), AnswerCodes)?.Ac1);
}

/// <summary>How one evaluator's total scores sit against the others (leave-one-out consensus) and the expert.</summary>
public sealed record EvaluatorDeviation(string EvaluatorId, int Scored, DeviationSummary FromConsensus, DeviationSummary? FromExpert);

/// <summary>The results of a closed session: items with the poorest agreement first.</summary>
public sealed record CalibrationResults(
    string SessionId,
    int Interactions,
    int Evaluators,
    int Submitted,
    List<string> Missing,
    OverallAgreement Overall,
    List<ItemAgreement> Items,
    List<EvaluatorDeviation> EvaluatorDeviations)
{
    /// <summary>The calibration evaluation an evaluator made of an interaction, with its total score.</summary>
    public sealed record Rating(string EvaluatorId, string InteractionId, double? Score, IReadOnlyList<ItemResponse> Answers);

    public static CalibrationResults Compute(CalibrationSession session, IReadOnlyList<Rating> ratings)
    {
        var units = session.InteractionIds;
        var raters = session.EvaluatorIds.Where(e => e != session.ExpertId).ToList();
        var byRaterUnit = ratings.GroupBy(r => (r.EvaluatorId, r.InteractionId)).ToDictionary(g => g.Key, g => g.Last());
        var missing = raters.SelectMany(r => units.Where(u => !byRaterUnit.ContainsKey((r, u))).Select(u => $"{r} has not scored {u}")).ToList();

        var itemIds = ratings.SelectMany(r => r.Answers.Select(a => a.ItemId)).Distinct().Order(StringComparer.Ordinal).ToList();
        var calibrated = UnitsOf(units, raters, itemIds, byRaterUnit);
        var items = itemIds.Select(item => Agreement(item, raters, units, byRaterUnit, calibrated))
            .OrderBy(i => i.KrippendorffAlpha ?? double.MaxValue).ThenBy(i => i.ItemId, StringComparer.Ordinal).ToList();

        // All item answers pooled: each (interaction, item) is a unit.
        var pooledUnits = units.SelectMany(u => itemIds.Select(i => (u, i))).ToList();
        var pooled = raters.Select(r => (IReadOnlyList<double?>)pooledUnits
            .Select(p => Code(byRaterUnit.GetValueOrDefault((r, p.u)), p.i)).ToList()).ToList();
        var totals = raters.Select(r => (IReadOnlyList<double?>)units.Select(u => byRaterUnit.GetValueOrDefault((r, u))?.Score).ToList()).ToList();

        IccResult? icc = null;
        string? iccNote = null;
        var complete = units.All(u => raters.All(r => byRaterUnit.GetValueOrDefault((r, u))?.Score is not null));
        if (complete && units.Length >= 2 && raters.Count >= 2)
            icc = IntraclassCorrelation.Of(units.Select(u => (IReadOnlyList<double>)raters.Select(r => byRaterUnit[(r, u)].Score!.Value).ToList()).ToList());
        else
            iccNote = "ICC needs every evaluator's score on every interaction (at least 2 of each)";

        var (nominal, interval, ac1) = CalibratedUnit.Pooled(calibrated);
        var overall = new OverallAgreement(PercentAgreement.FromCoders(pooled).Share, nominal.Value, interval.Value, Fleiss(pooled), icc, iccNote,
            nominal.Ci, interval.Ci, ac1);

        var expert = session.ExpertId is { } expertId
            ? units.Select(u => byRaterUnit.GetValueOrDefault((expertId, u))?.Score).ToList()
            : null;
        var deviations = RaterDeviations.Of(totals, expert)
            .Select(d => new EvaluatorDeviation(raters[d.Rater], totals[d.Rater].Count(v => v is not null), d.FromConsensus, d.FromExpert))
            .ToList();
        return new CalibrationResults(session.SessionId, units.Length, raters.Count, ratings.Count, missing, overall, items, deviations)
            { Units = calibrated };
    }

    /// <summary>The session's interactions as the evaluators scored them, for pooling sessions (the monthly trend).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<CalibratedUnit> Units { get; private init; } = [];

    private static List<CalibratedUnit> UnitsOf(IReadOnlyList<string> units, List<string> raters, List<string> itemIds,
        Dictionary<(string, string), Rating> byRaterUnit) =>
        units.Select(u =>
        {
            var rated = raters.Select(r => byRaterUnit.GetValueOrDefault((r, u))).OfType<Rating>().ToList();
            return new CalibratedUnit(u,
                itemIds.ToDictionary(i => i, i => rated.Select(r => Code(r, i)).OfType<double>().ToList(), StringComparer.Ordinal),
                rated.Select(r => r.Score).OfType<double>().ToList());
        }).ToList();

    private static ItemAgreement Agreement(string item, List<string> raters, IReadOnlyList<string> units,
        Dictionary<(string, string), Rating> byRaterUnit, List<CalibratedUnit> calibrated)
    {
        var coders = raters.Select(r => (IReadOnlyList<double?>)units.Select(u => Code(byRaterUnit.GetValueOrDefault((r, u)), item)).ToList()).ToList();
        var answers = calibrated.Select(u => (IReadOnlyList<double>)u.Items[item]).ToList();
        var alpha = AlphaBootstrap.OfUnits(answers, AlphaMetric.Nominal);
        return new ItemAgreement(item, PercentAgreement.FromCoders(coders).Share, alpha.Value, Fleiss(coders), coders.Sum(c => c.Count(v => v is not null)),
            alpha.Ci, GwetAc1.FromUnits(answers, CalibratedUnit.AnswerCodes)?.Ac1);
    }

    // Fleiss' kappa needs the same number of ratings on every unit: defined only where the matrix is complete.
    private static double? Fleiss(IReadOnlyList<IReadOnlyList<double?>> coders)
    {
        if (coders.Count < 2 || coders.Any(c => c.Any(v => v is null)) || coders[0].Count == 0) return null;
        var counts = Enumerable.Range(0, coders[0].Count)
            .Select(u => (IReadOnlyList<int>)Enumerable.Range(0, 3).Select(k => coders.Count(c => (int)c[u]!.Value == k)).ToList()).ToList();
        return FleissKappa.Of(counts).Kappa;
    }

    private static double? Code(Rating? rating, string item)
    {
        if (rating is null) return null;
        foreach (var a in rating.Answers)
            if (a.ItemId == item) return (int)a.Answer;
        return null;
    }
}
