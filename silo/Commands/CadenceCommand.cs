using static QmInsights.Silo.Commands.TextTable;

namespace QmInsights.Silo.Commands;

/// <summary><c>qminsights cadence --url URL [--asOf D] [--teamId T]</c>: who is overdue or due for evaluation, and
/// this month's coverage of the quota by team and evaluator.</summary>
public static class CadenceCommand
{
    public static async Task<int> Run(string[] args)
    {
        using var engine = EngineClient.Parse("cadence", args, "[--asOf yyyy-MM-dd] [--teamId T]", "asOf", "teamId");
        if (engine is null) return 2;
        using var report = await engine.Get("cadence", $"/api/cadence{engine.Query("asOf", "teamId")}");
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
