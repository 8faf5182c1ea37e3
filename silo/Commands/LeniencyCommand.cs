using System.CommandLine;
using static QmInsights.Silo.Commands.TextTable;

namespace QmInsights.Silo.Commands;

/// <summary><c>qminsights leniency --url URL [--from D] [--to D] [--teamId T]</c>: each evaluator's QA points above or
/// below the average evaluator on the same agents.</summary>
public static class LeniencyCommand
{
    /// <summary>The <c>leniency</c> command.</summary>
    public static Command Create()
    {
        var (from, to, teamId) = (CliOptions.From(), CliOptions.To(), CliOptions.TeamId());
        var command = new Command("leniency", "Each evaluator's QA points above or below the average evaluator on the same agents.") { from, to, teamId };
        return EngineClient.Command(command, engine => Print(engine.Http, engine.Query(from, to, teamId), Console.Out));
    }

    /// <summary>Prints the leniency table of the engine behind <paramref name="http"/>.</summary>

    public static async Task<int> Print(HttpClient http, string query, TextWriter output)
    {
        using var leniency = await EngineClient.Get(http, "leniency", $"/api/evaluators/leniency{query}");
        if (leniency is null) return 1;
        var table = new TextTable("evaluator", "evaluations", "QA points vs average", "95% CI", "verdict");
        foreach (var e in leniency.RootElement.EnumerateArray())
            table.Add(Text(e, "evaluatorId"), Number(e, "evaluations", "0"), Number(e, "difference", "+0.0;-0.0"), Interval(e, "ci95", "0.0"), Text(e, "verdict"));
        output.WriteLine("evaluator leniency against the average evaluator on the same agents (/api/evaluators/leniency):");
        table.Write(output);
        return 0;
    }
}
