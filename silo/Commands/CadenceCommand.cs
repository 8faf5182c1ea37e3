using System.CommandLine;
using static QmInsights.Silo.Commands.TextTable;

namespace QmInsights.Silo.Commands;

/// <summary><c>qminsights cadence --url URL [--asOf D] [--teamId T]</c>: who is overdue or due for evaluation, and
/// this month's coverage of the quota by team and evaluator.</summary>
public static class CadenceCommand
{
    /// <summary>The <c>cadence</c> command.</summary>
    public static Command Create()
    {
        var asOf = CliOptions.Date("--asOf", "the day to judge due dates on [default: today]");
        var teamId = CliOptions.TeamId();
        var command = new Command("cadence", "Agents overdue and due for evaluation, and this month's quota coverage by team and evaluator.") { asOf, teamId };
        return EngineClient.Command(command, engine => Run(engine, engine.Query(asOf, teamId)));
    }

    private static async Task<int> Run(EngineClient engine, string query)
    {
        using var report = await engine.Get($"/api/cadence{query}");
        if (report is null) return 1;
        var root = report.RootElement;
        var policy = root.GetProperty("policy");
        Console.WriteLine($"cadence on {Text(root, "asOf")}: new hires (first {Text(policy, "newHireDays")} days) every {Text(policy, "newHireIntervalDays")} days, "
                          + $"below target every {Text(policy, "belowTargetIntervalDays")}, others every {Text(policy, "regularIntervalDays")}; quota {Text(policy, "monthlyQuota")} a month per agent");
        var agents = root.GetProperty("agents").EnumerateArray().ToList();
        var waiting = new TextTable("agent", "team", "rule", "last evaluated", "last score", "due on", "status", "this month");
        foreach (var a in agents.Where(a => Text(a, "status") != "scheduled"))
            waiting.Add(Text(a, "agentId"), Text(a, "teamId"), Text(a, "rule"), Text(a, "lastEvaluated"), Number(a, "lastScore", "0.0"),
                Text(a, "dueOn"), Text(a, "status"), $"{Text(a, "evaluationsThisMonth")}/{Text(a, "monthlyQuota")}");
        Console.WriteLine();
        Console.WriteLine($"{agents.Count(a => Text(a, "status") == "overdue")} overdue, {agents.Count(a => Text(a, "status") == "due")} due soon, {agents.Count(a => Text(a, "status") == "scheduled")} scheduled:");
        waiting.Write(Console.Out);
        Coverage(root, "teams", "team");
        Coverage(root, "evaluators", "evaluator");
        return 0;
    }

    private static void Coverage(System.Text.Json.JsonElement root, string property, string label)
    {
        var table = new TextTable(label, "agents", "evaluations", "quota", "coverage", "overdue");
        foreach (var c in root.GetProperty(property).EnumerateArray())
            table.Add(Text(c, "id"), Number(c, "agents", "0"), Number(c, "evaluationsThisMonth", "0"), Number(c, "quota", "0"),
                Number(c, "coverage", "0%"), Number(c, "overdue", "0"));
        Console.WriteLine();
        Console.WriteLine($"this month's quota coverage by {label}:");
        table.Write(Console.Out);
    }
}
