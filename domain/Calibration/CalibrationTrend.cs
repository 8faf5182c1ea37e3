using QmInsights.Domain.Statistics.Reliability;

namespace QmInsights.Domain.Calibration;

/// <summary>One closed session's headline statistics, a point on the calibration trend: are evaluators converging?</summary>
/// <param name="HeldAt">When the session took place: its last calibration evaluation (the closing time when none came).</param>
/// <param name="Icc">ICC(2,1), agreement of single evaluators' total scores (two-way random), when every evaluator scored
/// every interaction.</param>
public sealed record CalibrationTrendPoint(string SessionId, string ScorecardId, DateTimeOffset HeldAt, DateTimeOffset ClosedAt, int Interactions, int Evaluators,
    int Submitted, double? PercentAgreement, double? KrippendorffAlphaNominal, double? KrippendorffAlphaInterval, double? FleissKappa,
    IccEstimate? Icc, List<string> EvaluatorIds)
{
    public static CalibrationTrendPoint Of(CalibrationSession session, CalibrationResults results, DateTimeOffset? lastEvaluatedAt)
    {
        var closedAt = session.ClosedAt ?? throw new ArgumentException("the session is still open", nameof(session));
        return new(session.SessionId, session.ScorecardId, lastEvaluatedAt ?? closedAt, closedAt,
            results.Interactions, results.Evaluators, results.Submitted, results.Overall.PercentAgreement,
            results.Overall.KrippendorffAlphaNominal, results.Overall.KrippendorffAlphaInterval, results.Overall.FleissKappa,
            results.Overall.Icc?.Icc21, session.EvaluatorIds.Where(e => e != session.ExpertId).ToList());
    }
}

/// <summary>The closed sessions held in a period, oldest first, and the sessions still open (results hidden).</summary>
public sealed record CalibrationTrend(DateOnly? From, DateOnly? To, List<CalibrationTrendPoint> Sessions, List<string> OpenSessions);
