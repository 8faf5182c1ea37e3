using QmInsights.Domain.Calibration;
using QmInsights.Domain.Facts;
using QmInsights.Grains.Interfaces;
using QmInsights.Grains.Routing;

namespace QmInsights.Grains.Calibration;

/// <summary>Collects a closed session's calibration evaluations from the interaction shards and computes its results.</summary>
public sealed class CalibrationService(IGrainFactory grains)
{
    public async Task<CalibrationResults> Results(CalibrationSession session)
    {
        var participants = session.EvaluatorIds.Append(session.ExpertId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var rows = await Task.WhenAll(session.InteractionIds.Select(id => grains.GetGrain<IInteractionShardGrain>(Shards.Of(id)).GetInteraction(id)));
        var ratings = rows.OfType<Domain.Joins.InteractionJoin>()
            .SelectMany(row => row.Evaluations)
            .Where(e => e.Evaluation.Kind == EvaluationKind.Calibration && e.Evaluation.ScorecardId == session.ScorecardId
                        && participants.Contains(e.Evaluation.EvaluatorId))
            .OrderBy(e => e.Evaluation.EvaluatedAt)
            .Select(e => new CalibrationResults.Rating(e.Evaluation.EvaluatorId, e.Evaluation.InteractionId, e.Score.Percent, e.Evaluation.Answers))
            .ToList();
        return CalibrationResults.Compute(session, ratings);
    }

    /// <summary>The sessions closed between the two days (inclusive, UTC) with their headline statistics, oldest first.</summary>
    public async Task<CalibrationTrend> Trend(DateOnly? from, DateOnly? to)
    {
        var ids = await grains.GetGrain<ICalibrationDirectoryGrain>("calibrations").All();
        var sessions = (await Task.WhenAll(ids.Select(id => grains.GetGrain<ICalibrationSessionGrain>(id).Get()))).OfType<CalibrationSession>().ToList();
        bool InRange(DateTimeOffset closed) =>
            (from is null || DateOnly.FromDateTime(closed.UtcDateTime) >= from) && (to is null || DateOnly.FromDateTime(closed.UtcDateTime) <= to);
        var closed = sessions.Where(s => s.ClosedAt is { } c && InRange(c)).OrderBy(s => s.ClosedAt).ThenBy(s => s.SessionId, StringComparer.Ordinal).ToList();
        var results = await Task.WhenAll(closed.Select(Results));
        return new CalibrationTrend(from, to, closed.Zip(results, CalibrationTrendPoint.Of).ToList(),
            sessions.Where(s => !s.Closed).Select(s => s.SessionId).ToList());
    }
}
