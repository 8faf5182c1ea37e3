using System.CommandLine;
using static QmInsights.Silo.Commands.TextTable;

namespace QmInsights.Silo.Commands;

/// <summary><c>qminsights insights --url URL [--token T] [--from D] [--to D] [--teamId T]</c>: the relationships
/// (contact by contact and agent-week), conflicts, model drivers and disagreeing agents of a running engine, as
/// readable tables.</summary>
public static class InsightsCommand
{
    /// <summary>The <c>insights</c> command.</summary>
    public static Command Create()
    {
        var (from, to, teamId) = (CliOptions.From(), CliOptions.To(), CliOptions.TeamId());
        var channel = CliOptions.OneOf("--channel", "only contacts of this channel", "call", "chat", "email");
        var queue = new Option<string?>("--queue") { Description = "only contacts of this queue", HelpName = "queue" };
        var command = new Command("insights", "Relationships of QA with CSAT, NPS, handle time and FCR, conflicting targets, ML.NET drivers and disagreeing agents of a running engine, as tables.")
        {
            from, to, teamId, channel, queue,
        };
        return EngineClient.Command(command, engine => Run(engine, engine.Query(from, to, teamId, channel, queue), engine.Query(from, to, teamId)));
    }

    private static async Task<int> Run(EngineClient engine, string suffix, string agentsQuery)
    {
        Console.WriteLine("analysing (regressions, ML.NET models) ...");
        using var report = await engine.Get($"/api/insights/relationships{suffix}");
        if (report is null) return 1;
        var root = report.RootElement;
        Console.WriteLine($"{root.GetProperty("evaluatedContacts").GetInt32():N0} evaluated contacts, {root.GetProperty("surveyedContacts").GetInt32():N0} with a survey");

        Console.WriteLine();
        var relationships = new TextTable("level", "driver", "outcome", "effect", "95% CI", "n", "adj. p", "verdict");
        foreach (var r in root.GetProperty("relationships").EnumerateArray())
            relationships.Add(Text(r, "level"), Text(r, "driver"), Text(r, "outcome"), Number(r, "effect"), Interval(r, "ci95"),
                Number(r, "n", "0"), Number(r, "pAdjusted", "0.0000"), Text(r, "verdict"));
        relationships.Write(Console.Out);

        Console.WriteLine();
        Console.WriteLine("conflicting targets:");
        foreach (var c in root.GetProperty("conflicts").EnumerateArray())
            Console.WriteLine($"  [{Text(c, "metricA")} vs {Text(c, "metricB")}] {Text(c, "explanation")}");

        foreach (var model in root.GetProperty("models").EnumerateArray())
        {
            Console.WriteLine();
            Console.WriteLine(Text(model, "explanation"));
            var drivers = new TextTable("item", "importance", "95% CI", "done rather than not", "95% CI", "model vs regression");
            foreach (var d in model.GetProperty("drivers").EnumerateArray().Take(6))
                drivers.Add(Text(d, "itemId"), Number(d, "importance", "0.####"), Interval(d, "importanceCi95"),
                    Number(d, "effect", "+0.###;-0.###"), Interval(d, "effectCi95"), Text(d, "agreement"));
            drivers.Write(Console.Out);
        }

        Console.WriteLine();
        Console.WriteLine("items whose effect differs by channel, queue or tenure (found by the models, confirmed by the regression):");
        foreach (var d in root.GetProperty("heterogeneity").EnumerateArray())
            Console.WriteLine($"  {Text(d, "explanation")}");

        using var gaps = await engine.Get($"/api/insights/disagreeing-agents{agentsQuery}");
        if (gaps is null) return 1;
        Console.WriteLine();
        Console.WriteLine("agents where QA and CSAT disagree most:");
        foreach (var g in gaps.RootElement.EnumerateArray()) Console.WriteLine($"  {Text(g, "explanation")}");
        return 0;
    }
}
