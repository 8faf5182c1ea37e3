using System.Collections.Immutable;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Scorecards;

namespace QmInsights.Domain.Analytics;

/// <summary>One regular evaluation next to what happened on its contact: the interaction-level row the analytics
/// relate (QA answers and score beside CSAT, NPS, handle time and first-contact resolution).</summary>
[GenerateSerializer, Alias("qm.EvaluatedContact")]
public sealed record EvaluatedContact(
    string InteractionId,
    string AgentId,
    string TeamId,
    string EvaluatorId,
    string ScorecardId,
    Channel Channel,
    string Queue,
    DateTimeOffset StartedAt,
    double HandleSeconds,
    bool? ResolvedFirstContact,
    int? Csat,
    int? Nps,
    double? QaScore,
    ImmutableArray<ItemResponse> Answers,
    DateTimeOffset EvaluatedAt,
    double TargetPercent,
    EvaluationSelection Selection = EvaluationSelection.Random,
    double? InclusionProbability = null)
{
    /// <summary>The row of an evaluation on its joined contact, which an agent handled (so it has agent and team).</summary>
    public static EvaluatedContact Of(Interaction i, Survey? s, Evaluation e, EvaluationScore score) =>
        new(i.InteractionId, i.AgentId ?? e.AgentId, i.TeamId ?? throw new ArgumentException("the contact was not handled", nameof(i)), e.EvaluatorId, e.ScorecardId, i.Channel, i.Queue, i.StartedAt,
            i.HandleSeconds, i.ResolvedFirstContact, s?.Csat, s?.Nps, score.Percent, e.Answers, e.EvaluatedAt, score.TargetPercent,
            e.Selection, e.InclusionProbability);
}
