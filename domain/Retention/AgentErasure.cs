using QmInsights.Domain.Joins;

namespace QmInsights.Domain.Retention;

/// <summary>An agent whose personal data was erased on request. Their contacts and evaluations are deleted (not
/// pseudonymised: a stable pseudonym would still single the person out), teams and scorecards keep the totals, and
/// facts naming the agent are refused from then on, so an old export cannot bring the data back.</summary>
[GenerateSerializer, Alias("qm.AgentErasure")]
public sealed record AgentErasure(string AgentId, DateTimeOffset ErasedAt)
{
    /// <summary>The rejection reason for a fact that names this agent in <paramref name="field"/>.</summary>
    public string Reason(string field) =>
        $"{field}: the personal data of agent '{AgentId}' was erased on {ErasedAt:yyyy-MM-dd}; facts about this agent are no longer accepted";

    /// <summary>True when the row holds anything about the agent: their contact, or an evaluation of them.</summary>
    public static bool Concerns(InteractionJoin row, string agentId) =>
        row.Interaction?.AgentId == agentId
        || row.Evaluations.Concat(row.Replaced).Any(e => e.Evaluation.AgentId == agentId);
}
