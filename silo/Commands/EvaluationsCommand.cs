using System.CommandLine;
using System.Text.Json;
using static QmInsights.Silo.Commands.TextTable;

namespace QmInsights.Silo.Commands;

/// <summary><c>qminsights evaluations --url URL --agent A</c>: every evaluation of an agent in time order (regular,
/// calibration and self), what the agent sees.</summary>
public static class EvaluationsCommand
{
    /// <summary>The <c>evaluations</c> command.</summary>
    public static Command Create()
    {
        var agent = new Option<string>("--agent") { Description = "the agent's id", HelpName = "agent", Required = true };
        var command = new Command("evaluations", "Every evaluation of one agent in time order (regular, calibration and self).") { agent };
        return EngineClient.Command(command, engine => Run(engine, engine.Parsed.GetRequiredValue(agent)));
    }

    private static async Task<int> Run(EngineClient engine, string agentId)
    {
        using var evaluations = await engine.Get($"/api/agents/{Uri.EscapeDataString(agentId)}/evaluations");
        if (evaluations is null) return 1;
        var table = new TextTable("evaluated", "kind", "evaluator", "scorecard", "score", "interaction", "channel", "revisions", "comment");
        foreach (var row in evaluations.RootElement.EnumerateArray())
        {
            var current = row.GetProperty("current");
            var e = current.GetProperty("evaluation");
            table.Add(Text(e, "evaluatedAt"), Text(e, "kind"), Text(e, "evaluatorId"), Text(e, "scorecardVersion") is var v && v != "-" ? $"{Text(e, "scorecardId")} v{v}" : Text(e, "scorecardId"),
                Number(current.GetProperty("score"), "percent", "0.0"), Text(e, "interactionId"), Text(row, "channel"),
                row.GetProperty("earlierRevisions").GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture),
                e.TryGetProperty("comment", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "");
        }
        Console.WriteLine($"{table.Count} evaluations of {agentId}, oldest first:");
        table.Write(Console.Out);
        return 0;
    }
}
