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
}
