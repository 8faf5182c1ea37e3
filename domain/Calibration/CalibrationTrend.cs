using System.Globalization;
using QmInsights.Domain.Statistics.Reliability;

namespace QmInsights.Domain.Calibration;

/// <summary>One closed session's headline statistics, a point on the calibration trend: are evaluators converging?</summary>
/// <param name="HeldAt">When the session took place: its last calibration evaluation (the closing time when none came).</param>
/// <param name="Icc">ICC(2,1), agreement of single evaluators' total scores (two-way random), when every evaluator scored
/// every interaction.</param>
/// <param name="KrippendorffAlphaNominalCi95">Bootstrap 95% interval of the nominal alpha, resampling interactions.</param>
/// <param name="KrippendorffAlphaIntervalCi95">Bootstrap 95% interval of the interval alpha over total scores.</param>
/// <param name="GwetAc1">Gwet's AC1 over every item answer.</param>
public sealed record CalibrationTrendPoint(string SessionId, string ScorecardId, DateTimeOffset HeldAt, DateTimeOffset ClosedAt, int Interactions, int Evaluators,
    int Submitted, double? PercentAgreement, double? KrippendorffAlphaNominal, double? KrippendorffAlphaInterval, double? FleissKappa,
    IccEstimate? Icc, List<string> EvaluatorIds, double[]? KrippendorffAlphaNominalCi95, double[]? KrippendorffAlphaIntervalCi95,
    double? GwetAc1)
{
    public static CalibrationTrendPoint Of(CalibrationSession session, CalibrationResults results, DateTimeOffset? lastEvaluatedAt)
    {
        var closedAt = session.ClosedAt ?? throw new ArgumentException("the session is still open", nameof(session));
        var o = results.Overall;
        return new(session.SessionId, session.ScorecardId, lastEvaluatedAt ?? closedAt, closedAt,
            results.Interactions, results.Evaluators, results.Submitted, o.PercentAgreement,
            o.KrippendorffAlphaNominal, o.KrippendorffAlphaInterval, o.FleissKappa,
            o.Icc?.Icc21, session.EvaluatorIds.Where(e => e != session.ExpertId).ToList(),
            o.KrippendorffAlphaNominalCi95, o.KrippendorffAlphaIntervalCi95, o.GwetAc1);
    }
}

/// <summary>The sessions held in one month pooled: every interaction of every session is a unit, so a month of small
/// sessions gets a tighter interval than any one of them.</summary>
/// <param name="Month">yyyy-MM of the day the sessions were held.</param>
/// <param name="KrippendorffAlphaNominalCi95">Bootstrap 95% interval, resampling interactions.</param>
public sealed record CalibrationMonth(string Month, int Sessions, int Interactions, double? KrippendorffAlphaNominal,
    double[]? KrippendorffAlphaNominalCi95, double? KrippendorffAlphaInterval, double[]? KrippendorffAlphaIntervalCi95, double? GwetAc1)
{
    /// <summary>One month per month with a session, oldest first, from each session's scored interactions.</summary>
    public static List<CalibrationMonth> Of(IEnumerable<(DateTimeOffset HeldAt, CalibrationResults Results)> sessions) =>
        sessions.GroupBy(s => s.HeldAt.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var units = g.SelectMany(s => s.Results.Units).ToList();
                var (nominal, interval, ac1) = CalibratedUnit.Pooled(units);
                return new CalibrationMonth(g.Key, g.Count(), units.Count, nominal.Value, nominal.Ci, interval.Value, interval.Ci, ac1);
            }).ToList();
}

/// <summary>The closed sessions held in a period, oldest first, the months they fall in, and the sessions still open
/// (results hidden).</summary>
public sealed record CalibrationTrend(DateOnly? From, DateOnly? To, List<CalibrationTrendPoint> Sessions, List<string> OpenSessions,
    List<CalibrationMonth> Months);
