namespace QmInsights.Domain.Cadence;

/// <summary>How often agents are evaluated (defaults from practice): new hires weekly for their first month, agents
/// whose last evaluation was below target weekly until back at target, everyone else every two weeks; and a
/// monthly quota of regular evaluations per agent.</summary>
public sealed record CadencePolicy(
    int NewHireDays = 30,
    int NewHireIntervalDays = 7,
    int BelowTargetIntervalDays = 7,
    int RegularIntervalDays = 14,
    int MonthlyQuota = 4,
    int DueWithinDays = 2);
