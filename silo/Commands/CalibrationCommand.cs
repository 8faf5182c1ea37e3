using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using static QmInsights.Silo.Commands.TextTable;

namespace QmInsights.Silo.Commands;

/// <summary><c>qminsights calibration --url URL [sessionId] [--from D] [--to D]</c>: one closed session's agreement by
/// item and each evaluator's deviation, or without a session the trend over the closed sessions.</summary>
public static class CalibrationCommand
{
    /// <summary>The <c>calibration</c> command.</summary>
    public static Command Create()
    {
        var (from, to) = (CliOptions.From(), CliOptions.To());
        var session = new Argument<string?>("sessionId") { Description = "a closed session to show; without it, the trend over sessions", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("calibration", "One closed calibration session (agreement by item, each evaluator's deviation), or the trend over sessions.") { session, from, to };
        return EngineClient.Command(command, engine => engine.Parsed.GetValue(session) is { } id
            ? Session(engine, id)
            : Trend(engine.Http, engine.Query(from, to), Console.Out));
    }

    /// <summary>Prints the trend of the closed sessions, oldest first.</summary>
    public static async Task<int> Trend(HttpClient http, string query, TextWriter output)
    {
        using var trend = await EngineClient.Get(http, "calibration", $"/api/calibrations{query}");
        if (trend is null) return 1;
        var table = new TextTable("held", "session", "contacts", "evaluators", "agreement", "alpha (nominal) [95% CI]", "alpha (interval) [95% CI]", "kappa", "AC1", "ICC(2,1)");
        foreach (var s in trend.RootElement.GetProperty("sessions").EnumerateArray())
            table.Add(Text(s, "heldAt")[..10], Text(s, "sessionId"), Number(s, "interactions", "0"), Number(s, "evaluators", "0"),
                Percent(s, "percentAgreement"), WithCi(s, "krippendorffAlphaNominal"), WithCi(s, "krippendorffAlphaInterval"),
                Number(s, "fleissKappa", "0.000"), Number(s, "gwetAc1", "0.000"),
                s.TryGetProperty("icc", out var icc) && icc.ValueKind == JsonValueKind.Object ? Number(icc, "value", "0.000") : "-");
        output.WriteLine("calibration trend (closed sessions by the day they were held; /api/calibrations):");
        table.Write(output);
        var months = new TextTable("month", "sessions", "contacts", "alpha (nominal) [95% CI]", "alpha (interval) [95% CI]", "AC1");
        foreach (var m in trend.RootElement.GetProperty("months").EnumerateArray())
            months.Add(Text(m, "month"), Number(m, "sessions", "0"), Number(m, "interactions", "0"), WithCi(m, "krippendorffAlphaNominal"),
                WithCi(m, "krippendorffAlphaInterval"), Number(m, "gwetAc1", "0.000"));
        output.WriteLine("by month (the month's sessions pooled; intervals resample contacts):");
        months.Write(output);
        var open = trend.RootElement.GetProperty("openSessions").EnumerateArray().Select(e => e.GetString()).ToList();
        if (open.Count > 0) output.WriteLine($"open (results hidden until closed): {string.Join(", ", open)}");
        return 0;
    }

    private static async Task<int> Session(EngineClient engine, string sessionId)
    {
        using var results = await engine.Get($"/api/calibrations/{Uri.EscapeDataString(sessionId)}/results");
        if (results is null) return 1;
        var root = results.RootElement;
        var overall = root.GetProperty("overall");
        Console.WriteLine($"session {sessionId}: {Number(root, "interactions", "0")} contacts, {Number(root, "evaluators", "0")} evaluators, {Number(root, "submitted", "0")} scores");
        Console.WriteLine($"overall: agreement {Percent(overall, "percentAgreement")}, alpha nominal {WithCi(overall, "krippendorffAlphaNominal")}, alpha interval {WithCi(overall, "krippendorffAlphaInterval")}, kappa {Number(overall, "fleissKappa", "0.000")}, AC1 {Number(overall, "gwetAc1", "0.000")}"
                          + (overall.TryGetProperty("icc", out var icc) && icc.ValueKind == JsonValueKind.Object
                              ? $", ICC(2,1) {Number(icc.GetProperty("icc21"), "value", "0.000")}" : $" ({Text(overall, "iccNote")})"));

        Console.WriteLine();
        Console.WriteLine("items, poorest agreement first (alpha's 95% CI resamples contacts; AC1 stays high where kappa misleads on items nearly always \"yes\"):");
        var items = new TextTable("item", "agreement", "alpha [95% CI]", "kappa", "AC1", "ratings");
        foreach (var i in root.GetProperty("items").EnumerateArray())
            items.Add(Text(i, "itemId"), Percent(i, "percentAgreement"), WithCi(i, "krippendorffAlpha"), Number(i, "fleissKappa", "0.000"),
                Number(i, "gwetAc1", "0.000"), Number(i, "ratings", "0"));
        items.Write(Console.Out);

        Console.WriteLine();
        Console.WriteLine("evaluators: mean QA points from the others' consensus and from the expert (95% CI):");
        var evaluators = new TextTable("evaluator", "scored", "vs consensus", "95% CI", "vs expert", "95% CI ");
        foreach (var d in root.GetProperty("evaluatorDeviations").EnumerateArray())
        {
            var consensus = d.GetProperty("fromConsensus");
            var expert = d.GetProperty("fromExpert");
            evaluators.Add(Text(d, "evaluatorId"), Number(d, "scored", "0"), Number(consensus, "mean", "+0.0;-0.0"), Bounds(consensus),
                expert.ValueKind == JsonValueKind.Object ? Number(expert, "mean", "+0.0;-0.0") : "-",
                expert.ValueKind == JsonValueKind.Object ? Bounds(expert) : "-");
        }
        evaluators.Write(Console.Out);
        foreach (var m in root.GetProperty("missing").EnumerateArray()) Console.WriteLine($"missing: {m.GetString()}");
        return 0;
    }

    private static string Percent(JsonElement e, string name) => Number(e, name, "0.0%");

    // An alpha with its bootstrap interval ("{name}Ci95"), e.g. "0.712 [0.48, 0.86]".
    private static string WithCi(JsonElement e, string name) =>
        e.TryGetProperty($"{name}Ci95", out var ci) && ci.ValueKind == JsonValueKind.Array
            ? string.Create(CultureInfo.InvariantCulture, $"{Number(e, name, "0.000")} [{ci[0].GetDouble():0.00}, {ci[1].GetDouble():0.00}]")
            : Number(e, name, "0.000");

    private static string Bounds(JsonElement summary) =>
        Number(summary, "lower") == "-" ? "-" : $"[{Number(summary, "lower", "0.0")}, {Number(summary, "upper", "0.0")}]";
}
