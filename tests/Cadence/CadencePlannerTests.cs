using QmInsights.Domain.Cadence;

namespace QmInsights.Tests.Cadence;

public sealed class CadencePlannerTests
{
    private static readonly DateOnly Today = new(2026, 3, 20);
    private static DateTimeOffset DaysAgo(int days) => new(Today.AddDays(-days).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
    private static readonly CadencePolicy Policy = new();

    private static AgentCadence Plan(CadenceAgent agent, params CadenceEvaluation[] history) =>
        CadencePlanner.Plan([agent], history, Today, Policy).Agents.Single();

    [Fact]
    public void A_new_hire_is_evaluated_weekly_in_the_first_month()
    {
        var a = Plan(new CadenceAgent("new", "t", DaysAgo(10)), new CadenceEvaluation("new", "q1", DaysAgo(8), 95, 90));
        Assert.Equal("new hire", a.Rule);
        Assert.Equal(Today.AddDays(-1), a.DueOn); // 8 days ago + 7
        Assert.Equal("overdue", a.Status);
    }

    [Fact]
    public void An_agent_below_target_is_evaluated_weekly_until_back_at_target()
    {
        var below = Plan(new CadenceAgent("b", "t", DaysAgo(400)), new CadenceEvaluation("b", "q1", DaysAgo(5), 70, 90));
        Assert.Equal("below target", below.Rule);
        Assert.Equal(Today.AddDays(2), below.DueOn);
        Assert.Equal("due", below.Status);
        var recovered = Plan(new CadenceAgent("b", "t", DaysAgo(400)),
            new CadenceEvaluation("b", "q1", DaysAgo(12), 70, 90), new CadenceEvaluation("b", "q1", DaysAgo(5), 92, 90));
        Assert.Equal("regular", recovered.Rule);
        Assert.Equal(Today.AddDays(9), recovered.DueOn);
        Assert.Equal("scheduled", recovered.Status);
    }

    [Fact]
    public void An_experienced_agent_at_target_is_evaluated_every_two_weeks()
    {
        var a = Plan(new CadenceAgent("ok", "t", DaysAgo(900)), new CadenceEvaluation("ok", "q1", DaysAgo(15), 96, 90));
        Assert.Equal("regular", a.Rule);
        Assert.Equal("overdue", a.Status);
        Assert.Equal(Today.AddDays(-1), a.DueOn);
    }

    [Fact]
    public void An_agent_never_evaluated_is_overdue()
    {
        var veteran = Plan(new CadenceAgent("never", "t", DaysAgo(900)));
        Assert.Equal("overdue", veteran.Status);
        Assert.Null(veteran.LastEvaluated);
        var startsToday = Plan(new CadenceAgent("fresh", "t", DaysAgo(0)));
        Assert.Equal("due", startsToday.Status);
    }

    [Fact]
    public void Coverage_counts_this_months_evaluations_against_four_per_agent()
    {
        CadenceAgent[] roster = [new("a1", "t1", DaysAgo(900)), new("a2", "t1", DaysAgo(900)), new("a3", "t2", DaysAgo(900))];
        CadenceEvaluation[] history =
        [
            new("a1", "q1", DaysAgo(2), 95, 90), new("a1", "q1", DaysAgo(9), 95, 90), new("a2", "q2", DaysAgo(3), 95, 90),
            new("a3", "q2", DaysAgo(25), 95, 90), // last month (February)
            new("a3", "q2", DaysAgo(-1), 95, 90), // tomorrow: not yet
        ];
        var report = CadencePlanner.Plan(roster, history, Today, Policy);
        var t1 = report.Teams.Single(t => t.Id == "t1");
        Assert.Equal((3, 8, 3 / 8.0), (t1.EvaluationsThisMonth, t1.Quota, t1.Coverage));
        var t2 = report.Teams.Single(t => t.Id == "t2");
        Assert.Equal((0, 4, 1), (t2.EvaluationsThisMonth, t2.Quota, t2.Overdue));
        Assert.Equal(2, report.Evaluators.Single(e => e.Id == "q1").EvaluationsThisMonth);
        Assert.Equal(report.Agents.Select(a => a.DueOn).Order(), report.Agents.Select(a => a.DueOn));
    }
}
