namespace QmInsights.Domain.Cadence;

/// <summary>How often agents are evaluated (defaults from practice): new hires weekly for their first month, agents
/// whose last evaluation was below target weekly until back at target, everyone else every two weeks; and a
/// monthly quota of regular evaluations per agent. A QA manager can change it (<c>PUT /api/cadence/policy</c>).</summary>
[GenerateSerializer, Alias("qm.CadencePolicy")]
public sealed record CadencePolicy(
    int NewHireDays = 30,
    int NewHireIntervalDays = 7,
    int BelowTargetIntervalDays = 7,
    int RegularIntervalDays = 14,
    int MonthlyQuota = 4,
    int DueWithinDays = 2)
{
    /// <summary>The allowed range of each field, by its JSON name.</summary>
    public static readonly IReadOnlyDictionary<string, (int Min, int Max)> Ranges = new Dictionary<string, (int, int)>
    {
        ["newHireDays"] = (0, 365),
        ["newHireIntervalDays"] = (1, 92),
        ["belowTargetIntervalDays"] = (1, 92),
        ["regularIntervalDays"] = (1, 92),
        ["monthlyQuota"] = (0, 100),
        ["dueWithinDays"] = (0, 31),
    };

    /// <summary>What is wrong with the policy, by field; empty when it can be used.</summary>
    public Dictionary<string, string[]> Problems()
    {
        var problems = new Dictionary<string, string[]>();
        foreach (var (field, value) in Fields())
            if (value < Ranges[field].Min || value > Ranges[field].Max)
                problems[field] = [$"{value} is outside {Ranges[field].Min} to {Ranges[field].Max}"];
        // Someone below target or new should never wait longer than everyone else.
        if (!problems.ContainsKey("newHireIntervalDays") && NewHireIntervalDays > RegularIntervalDays)
            problems["newHireIntervalDays"] = [$"{NewHireIntervalDays} days is longer than the regular interval ({RegularIntervalDays} days)"];
        if (!problems.ContainsKey("belowTargetIntervalDays") && BelowTargetIntervalDays > RegularIntervalDays)
            problems["belowTargetIntervalDays"] = [$"{BelowTargetIntervalDays} days is longer than the regular interval ({RegularIntervalDays} days)"];
        return problems;
    }

    public IEnumerable<(string Field, int Value)> Fields() =>
    [
        ("newHireDays", NewHireDays), ("newHireIntervalDays", NewHireIntervalDays), ("belowTargetIntervalDays", BelowTargetIntervalDays),
        ("regularIntervalDays", RegularIntervalDays), ("monthlyQuota", MonthlyQuota), ("dueWithinDays", DueWithinDays),
    ];
}
