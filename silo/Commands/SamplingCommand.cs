using System.CommandLine;
using static QmInsights.Silo.Commands.TextTable;

namespace QmInsights.Silo.Commands;

/// <summary><c>qminsights sampling --url URL [--from D] [--to D] [--teamId T] [--perAgent N] [--seed S]</c>: the
/// contacts to evaluate next, per agent, and why each was picked.</summary>
public static class SamplingCommand
{
    /// <summary>The <c>sampling</c> command.</summary>
    public static Command Create()
    {
        var (from, to, teamId) = (CliOptions.From(), CliOptions.To(), CliOptions.TeamId());
        var perAgent = CliOptions.Count("--perAgent", "contacts to pick per agent [default: 2]", 1);
        var seed = CliOptions.Count("--seed", "random seed: the same seed gives the same plan [default: 1]", 0);
        var command = new Command("sampling", "The contacts to evaluate next per agent, and why each was picked.") { from, to, teamId, perAgent, seed };
        return EngineClient.Command(command, engine => Run(engine, engine.Query(from, to, teamId, perAgent, seed)));
    }

    private static async Task<int> Run(EngineClient engine, string query)
    {
        using var plan = await engine.Get($"/api/sampling{query}");
        if (plan is null) return 1;
        var table = new TextTable("agent", "interaction", "channel", "started", "why");
        foreach (var s in plan.RootElement.EnumerateArray())
            table.Add(Text(s, "agentId"), Text(s, "interactionId"), Text(s, "channel"), Text(s, "startedAt"), Text(s, "reason"));
        Console.WriteLine($"{table.Count} contacts to evaluate next:");
        table.Write(Console.Out);
        return 0;
    }
}
