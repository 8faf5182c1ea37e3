namespace QmInsights.Reports.Pack;

/// <summary>Whom a pack is made for, which decides whether it names people.</summary>
public enum PackAudience
{
    /// <summary>Every section, agents and evaluators by name (admins, QA managers, a team's own lead).</summary>
    Full,
    /// <summary>Aggregates only: no agent and no evaluator is named (executives).</summary>
    Aggregate,
}
