using static QmInsights.Silo.Commands.TextTable;

namespace QmInsights.Silo.Commands;

/// <summary><c>qminsights leniency --url URL [--from D] [--to D] [--teamId T]</c>: each evaluator's QA points above or
/// below the average evaluator on the same agents.</summary>
public static class LeniencyCommand
{
    public static async Task<int> Run(string[] args)
    {
        using var engine = EngineClient.Parse("leniency", args, "[--from yyyy-MM-dd] [--to yyyy-MM-dd] [--teamId T]", "from", "to", "teamId");
        if (engine is null) return 2;
        return await Print(engine, engine.Query("from", "to", "teamId"));
    }

    public static async Task<int> Print(EngineClient engine, string query)
    {
        using var leniency = await engine.Get("leniency", $"/api/evaluators/leniency{query}");
        if (leniency is null) return 1;
        var table = new TextTable("evaluator", "evaluations", "QA points vs average", "95% CI", "verdict");
        foreach (var e in leniency.RootElement.EnumerateArray())
            table.Add(Text(e, "evaluatorId"), Number(e, "evaluations", "0"), Number(e, "difference", "+0.0;-0.0"), Interval(e, "ci95", "0.0"), Text(e, "verdict"));
        Console.WriteLine("evaluator leniency (same agents, agent fixed effects):");
        table.Write(Console.Out);
        return 0;
    }
}
