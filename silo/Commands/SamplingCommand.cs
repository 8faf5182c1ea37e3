using static QmInsights.Silo.Commands.TextTable;

namespace QmInsights.Silo.Commands;

/// <summary><c>qminsights sampling --url URL [--from D] [--to D] [--teamId T] [--perAgent N] [--seed S]</c>: the
/// contacts to evaluate next, per agent, and why each was picked.</summary>
public static class SamplingCommand
{
    public static async Task<int> Run(string[] args)
    {
        using var engine = EngineClient.Parse("sampling", args, "[--from yyyy-MM-dd] [--to yyyy-MM-dd] [--teamId T] [--perAgent N] [--seed S]",
            "from", "to", "teamId", "perAgent", "seed");
        if (engine is null) return 2;
        using var plan = await engine.Get("sampling", $"/api/sampling{engine.Query("from", "to", "teamId", "perAgent", "seed")}");
        if (plan is null) return 1;
        var table = new TextTable("agent", "interaction", "channel", "started", "why");
        foreach (var s in plan.RootElement.EnumerateArray())
            table.Add(Text(s, "agentId"), Text(s, "interactionId"), Text(s, "channel"), Text(s, "startedAt"), Text(s, "reason"));
        Console.WriteLine($"{table.Count} contacts to evaluate next:");
        table.Write(Console.Out);
        return 0;
    }
}
