namespace QmInsights.Domain.Cadence;

/// <summary>An agent on the roster, as the cadence rules need them.</summary>
public sealed record CadenceAgent(string AgentId, string TeamId, DateTimeOffset HiredAt);

/// <summary>One regular evaluation, as the cadence rules need it.</summary>
public sealed record CadenceEvaluation(string AgentId, string EvaluatorId, DateTimeOffset EvaluatedAt, double? Score, double TargetPercent);

/// <summary>Where one agent stands: which rule applies, when the next evaluation is due, and progress on the quota.</summary>
/// <param name="Status">"overdue" (due date passed), "due" (due within a couple of days) or "scheduled".</param>
public sealed record AgentCadence(string AgentId, string TeamId, string Rule, DateOnly? LastEvaluated, double? LastScore,
    DateOnly DueOn, string Status, int EvaluationsThisMonth, int MonthlyQuota);

/// <summary>A team's or evaluator's evaluations this month against the quota of the agents concerned.</summary>
public sealed record QuotaCoverage(string Id, int Agents, int EvaluationsThisMonth, int Quota, double Coverage, int Overdue);

/// <summary>The cadence view on a day: every agent, and coverage by team and by evaluator.</summary>
public sealed record CadenceReport(DateOnly AsOf, CadencePolicy Policy, List<AgentCadence> Agents, List<QuotaCoverage> Teams, List<QuotaCoverage> Evaluators);
