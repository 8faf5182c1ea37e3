using QmInsights.Domain.Facts;
using QmInsights.Domain.Statistics.Reliability;

namespace QmInsights.Domain.Calibration;

/// <summary>Agreement on one scorecard item across the session's interactions.</summary>
public sealed record ItemAgreement(string ItemId, double? PercentAgreement, double? KrippendorffAlpha, double? FleissKappa, int Ratings);

/// <summary>Agreement over the whole session: nominal alpha over every item answer, interval alpha over total scores.</summary>
public sealed record OverallAgreement(double? PercentAgreement, double? KrippendorffAlphaNominal, double? KrippendorffAlphaInterval,
    double? FleissKappa, IccResult? Icc, string? IccNote);

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
        var items = itemIds.Select(item => Agreement(item, raters, units, byRaterUnit))
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

        var overall = new OverallAgreement(PercentAgreement.FromCoders(pooled).Share, KrippendorffAlpha.FromCoders(pooled, AlphaMetric.Nominal),
            KrippendorffAlpha.FromCoders(totals, AlphaMetric.Interval), Fleiss(pooled), icc, iccNote);

        var expert = session.ExpertId is { } expertId
            ? units.Select(u => byRaterUnit.GetValueOrDefault((expertId, u))?.Score).ToList()
            : null;
        var deviations = RaterDeviations.Of(totals, expert)
            .Select(d => new EvaluatorDeviation(raters[d.Rater], totals[d.Rater].Count(v => v is not null), d.FromConsensus, d.FromExpert))
            .ToList();
        return new CalibrationResults(session.SessionId, units.Length, raters.Count, ratings.Count, missing, overall, items, deviations);
    }

    private static ItemAgreement Agreement(string item, List<string> raters, IReadOnlyList<string> units,
        Dictionary<(string, string), Rating> byRaterUnit)
    {
        var coders = raters.Select(r => (IReadOnlyList<double?>)units.Select(u => Code(byRaterUnit.GetValueOrDefault((r, u)), item)).ToList()).ToList();
        return new ItemAgreement(item, PercentAgreement.FromCoders(coders).Share, KrippendorffAlpha.FromCoders(coders, AlphaMetric.Nominal),
            Fleiss(coders), coders.Sum(c => c.Count(v => v is not null)));
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
