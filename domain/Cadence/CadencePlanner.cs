using QmInsights.Domain.Periods;

namespace QmInsights.Domain.Cadence;

/// <summary>Applies the cadence rules to a roster and its evaluation history: who is due, who is overdue, and how
/// far each team and evaluator is with this month's quota. Without a quota, evaluations do not get done.</summary>
public static class CadencePlanner
{
    /// <summary>Who is due when on <paramref name="asOf"/>; evaluation and hire days are the centre's local ones
    /// (<paramref name="calendar"/>, UTC when not given).</summary>
    public static CadenceReport Plan(IReadOnlyList<CadenceAgent> roster, IReadOnlyList<CadenceEvaluation> evaluations, DateOnly asOf,
        CadencePolicy policy, CentreCalendar? calendar = null)
    {
        var centre = calendar ?? CentreCalendar.Utc;
        DateOnly Day(DateTimeOffset time) => centre.DayOf(time);
        var monthStart = new DateOnly(asOf.Year, asOf.Month, 1);
        var byAgent = evaluations.Where(e => Day(e.EvaluatedAt) <= asOf).GroupBy(e => e.AgentId)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.EvaluatedAt).ToList());

        var agents = roster.Select(agent =>
        {
            var history = byAgent.GetValueOrDefault(agent.AgentId) ?? [];
            var last = history.LastOrDefault(e => e.Score is not null);
            var tenure = asOf.DayNumber - Day(agent.HiredAt).DayNumber;
            var (rule, interval) = tenure < policy.NewHireDays ? ("new hire", policy.NewHireIntervalDays)
                : last is not null && last.Score < last.TargetPercent ? ("below target", policy.BelowTargetIntervalDays)
                : ("regular", policy.RegularIntervalDays);
            // Never evaluated: due from the day they started (or from the start of the rules' memory for veterans).
            var due = last is null ? Max(Day(agent.HiredAt), asOf.AddDays(-interval)) : Day(last.EvaluatedAt).AddDays(interval);
            var status = due < asOf ? "overdue" : due.DayNumber - asOf.DayNumber <= policy.DueWithinDays ? "due" : "scheduled";
            var thisMonth = history.Count(e => Day(e.EvaluatedAt) >= monthStart);
            return new AgentCadence(agent.AgentId, agent.TeamId, rule, last is null ? null : Day(last.EvaluatedAt), last?.Score, due, status,
                thisMonth, policy.MonthlyQuota);
        }).OrderBy(a => a.DueOn).ThenBy(a => a.AgentId, StringComparer.Ordinal).ToList();

        var teams = agents.GroupBy(a => a.TeamId).Select(g => Coverage(g.Key, g.Count(), g.Sum(a => a.EvaluationsThisMonth),
            policy.MonthlyQuota, g.Count(a => a.Status == "overdue"))).OrderBy(c => c.Coverage).ToList();

        var monthEvaluations = evaluations.Where(e => Day(e.EvaluatedAt) >= monthStart && Day(e.EvaluatedAt) <= asOf).ToList();
        var evaluators = monthEvaluations.GroupBy(e => e.EvaluatorId).Select(g =>
        {
            var evaluated = g.Select(e => e.AgentId).Distinct().ToList();
            return Coverage(g.Key, evaluated.Count, g.Count(), policy.MonthlyQuota,
                agents.Count(a => evaluated.Contains(a.AgentId) && a.Status == "overdue"));
        }).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        return new CadenceReport(asOf, policy, agents, teams, evaluators);
    }

    private static QuotaCoverage Coverage(string id, int agents, int done, int quota, int overdue) =>
        new(id, agents, done, agents * quota, agents * quota > 0 ? (double)done / (agents * quota) : 0, overdue);


    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
