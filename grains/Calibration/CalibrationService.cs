using QmInsights.Domain.Analytics;
using QmInsights.Domain.Calibration;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Joins;
using QmInsights.Grains.Interfaces;
using QmInsights.Storage;

namespace QmInsights.Grains.Calibration;

/// <summary>Collects closed sessions' calibration evaluations from the interaction shards and computes their results and
/// each evaluator's agreement with the expert.</summary>
public sealed class CalibrationService(IGrainFactory grains)
{
    public async Task<CalibrationResults> Results(CalibrationSession session) => (await Rated(session)).Results;

    // The results and when the last calibration evaluation of the session was made.
    private async Task<(CalibrationResults Results, DateTimeOffset? LastEvaluatedAt)> Rated(CalibrationSession session)
    {
        var evaluations = await Evaluations(session);
        var ratings = evaluations
            .Select(e => new CalibrationResults.Rating(e.Evaluation.EvaluatorId, e.Evaluation.InteractionId, e.Score.Percent, e.Evaluation.Answers))
            .ToList();
        return (CalibrationResults.Compute(session, ratings), evaluations.Count > 0 ? evaluations[^1].Evaluation.EvaluatedAt : null);
    }

    // The session's calibration evaluations by its participants, oldest first.
    private async Task<List<ScoredEvaluation>> Evaluations(CalibrationSession session)
    {
        var participants = session.EvaluatorIds.Append(session.ExpertId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var rows = await Task.WhenAll(session.InteractionIds.Select(id => grains.GetGrain<IInteractionShardGrain>(Shards.Of(id)).GetInteraction(id)));
        return rows.OfType<InteractionJoin>()
            .SelectMany(row => row.Evaluations)
            .Where(e => e.Evaluation.Kind == EvaluationKind.Calibration && e.Evaluation.ScorecardId == session.ScorecardId
                        && participants.Contains(e.Evaluation.EvaluatorId))
            .OrderBy(e => e.Evaluation.EvaluatedAt)
            .ToList();
    }

    /// <summary>Each evaluator's agreement with the expert over every closed session that has one: how often they
    /// record "yes" where the expert saw "no" and the reverse, which the driver analysis corrects item effects with.
    /// Null when no session with an expert has compared answers yet.</summary>
    public async Task<Dictionary<string, EvaluatorReliability>?> Reliability()
    {
        var sessions = (await Sessions()).Where(s => s.Closed && s.ExpertId is not null).ToList();
        var evaluations = await Task.WhenAll(sessions.Select(Evaluations));
        var reliability = EvaluatorReliability.FromSessions(sessions.Zip(evaluations, (s, e) => (e.Select(x => x.Evaluation), s.ExpertId!)));
        var pooled = reliability[EvaluatorReliability.Pooled];
        return pooled.ReferenceNo + pooled.ReferenceYes > 0 ? reliability : null;
    }

    private async Task<List<CalibrationSession>> Sessions()
    {
        var ids = await grains.GetGrain<ICalibrationDirectoryGrain>("calibrations").All();
        return (await Task.WhenAll(ids.Select(id => grains.GetGrain<ICalibrationSessionGrain>(id).Get()))).OfType<CalibrationSession>().ToList();
    }

    /// <summary>The closed sessions held between the two days (inclusive, UTC; held = the last calibration evaluation)
    /// with their headline statistics, oldest first, and the sessions of each month pooled.</summary>
    public async Task<CalibrationTrend> Trend(DateOnly? from, DateOnly? to)
    {
        var sessions = await Sessions();
        var closed = sessions.Where(s => s.Closed).ToList();
        var rated = await Task.WhenAll(closed.Select(Rated));
        bool InRange(DateTimeOffset held) =>
            (from is null || DateOnly.FromDateTime(held.UtcDateTime) >= from) && (to is null || DateOnly.FromDateTime(held.UtcDateTime) <= to);
        var held = closed.Zip(rated, (s, r) => (Point: CalibrationTrendPoint.Of(s, r.Results, r.LastEvaluatedAt), r.Results))
            .Where(p => InRange(p.Point.HeldAt)).OrderBy(p => p.Point.HeldAt).ThenBy(p => p.Point.SessionId, StringComparer.Ordinal).ToList();
        return new CalibrationTrend(from, to, held.Select(p => p.Point).ToList(), sessions.Where(s => !s.Closed).Select(s => s.SessionId).ToList(),
            CalibrationMonth.Of(held.Select(p => (p.Point.HeldAt, p.Results))));
    }
}
