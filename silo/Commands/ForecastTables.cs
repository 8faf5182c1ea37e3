using System.Globalization;
using System.Text.Json;

namespace QmInsights.Silo.Commands;

/// <summary>Reads the forecast endpoints of a running engine and prints them as tables: shared by the <c>forecast</c>
/// command (everything) and the demo (the backtest line and the next peak).</summary>
public static class ForecastTables
{
    /// <summary>Backtest line and next-peak staffing; with <paramref name="full"/> also the forecast table and the scenario.
    /// The staffing answer carries the forecast rows and the backtest its intervals were calibrated on, so one request
    /// (one training) serves all three.</summary>
    public static async Task<bool> Print(HttpClient http, string query, TextWriter output, bool full, string item = "upsell", double factor = 2)
    {
        using var staffing = await Get(http, $"/api/forecast/staffing?{query}", output);
        if (staffing is null) return false;
        if (!staffing.RootElement.TryGetProperty("nextPeak", out var peak))
        {
            // A deferred channel: workload staffing, no queue and so no next-peak outlook.
            PrintBacktest(staffing.RootElement.GetProperty("backtest"), output);
            var busiestDeferred = staffing.RootElement.GetProperty("busiest");
            output.WriteLine();
            output.WriteLine(F($"deferred channel, every contact answered within {D(staffing.RootElement, "responseWithinSeconds") / 3600:0.#} h: busiest interval {busiestDeferred.GetProperty("forecast").GetProperty("localStart").GetDateTimeOffset():yyyy-MM-dd HH:mm} needs {busiestDeferred.GetProperty("agentsScheduled").GetInt32()} agents scheduled"));
            return true;
        }
        PrintBacktest(peak.GetProperty("backtest"), output);

        if (full)
        {
            output.WriteLine();
            output.WriteLine($"{"interval start (local)",-22} {"handle s",9} {"80% interval",15} {"95% interval",15} {"volume",8} {"80% interval",13} {"95% interval",13}");
            foreach (var r in staffing.RootElement.GetProperty("intervals").EnumerateArray().Select(i => i.GetProperty("forecast")))
                output.WriteLine(F($"{r.GetProperty("localStart").GetDateTimeOffset():yyyy-MM-dd ddd HH:mm}{(r.GetProperty("declaredPeak").GetBoolean() ? " *" : "  "),-2} {D(r, "handleSeconds"),9:F0} {Range(r, "handleSeconds", "80", "F0"),15} {Range(r, "handleSeconds", "95", "F0"),15} {D(r, "volume"),8:F1} {Range(r, "volume", "80", "F1"),13} {Range(r, "volume", "95", "F1"),13}"));
        }

        output.WriteLine();
        output.WriteLine($"next peak: {peak.GetProperty("day").GetString()} ({(peak.GetProperty("declared").GetBoolean() ? "declared peak" : "most forecast workload")}), Erlang C at 80% in 20 s, occupancy <= 85%, 30% shrinkage, workload with after-call work");
        output.WriteLine($"{"hour (local)",-11} {"volume",7} {"handle s",9} {"on phones",10} {"scheduled",10} {"SL",7} {"ASA s",7} {"occupancy",10}");
        foreach (var i in peak.GetProperty("intervals").EnumerateArray())
        {
            var f = i.GetProperty("forecast");
            var s = i.GetProperty("staffing");
            if (D(f, "volume") < 0.5) continue;
            output.WriteLine(F($"{f.GetProperty("localStart").GetDateTimeOffset(),-11:HH:mm} {D(f, "volume"),7:F1} {D(f, "handleSeconds"),9:F0} {s.GetProperty("agentsOnPhones").GetInt32(),10} {s.GetProperty("agentsScheduled").GetInt32(),10} {D(s, "serviceLevel"),7:P1} {D(s, "averageSpeedOfAnswerSeconds"),7:F1} {D(s, "occupancy"),10:P1}"));
        }
        var busiest = peak.GetProperty("busiest");
        output.WriteLine(F($"busiest: {busiest.GetProperty("forecast").GetProperty("localStart").GetDateTimeOffset():HH:mm} needs {busiest.GetProperty("staffing").GetProperty("agentsScheduled").GetInt32()} agents scheduled"));

        if (!full) return true;
        using var scenario = await Get(http, $"/api/forecast/scenario?{query}&item={Uri.EscapeDataString(item)}&factor={factor.ToString(CultureInfo.InvariantCulture)}", output);
        if (scenario is null) return false;
        var sc = scenario.RootElement;
        var b = sc.GetProperty("busiest");
        output.WriteLine();
        output.WriteLine(F($"scenario: {sc.GetProperty("scenario").GetProperty("description").GetString()} ({sc.GetProperty("scenario").GetProperty("effectSource").GetString()}): +{D(sc.GetProperty("scenario"), "extraHandleSeconds"):F0} s a contact"));
        output.WriteLine(F($"  busiest interval {b.GetProperty("intervalStart").GetDateTimeOffset():yyyy-MM-dd HH:mm}: {b.GetProperty("agentsScheduled").GetInt32()} -> {b.GetProperty("scenarioAgentsScheduled").GetInt32()} agents scheduled (+{b.GetProperty("extraAgents").GetInt32()}); {D(sc, "extraAgentHours"):F0} extra agent-hours over the forecast ({D(sc, "extraAgentHoursLow95"):F0}-{D(sc, "extraAgentHoursHigh95"):F0} across the effect's 95% interval)"));
        return true;
    }

    private static void PrintBacktest(JsonElement b, TextWriter output)
    {
        output.WriteLine(F($"backtest ({b.GetProperty("origins").GetArrayLength()} rolling weekly origins, {D(b, "historyWeeks"):F1} weeks of {b.GetProperty("interval").GetString()} history), WAPE of forecast / seasonal-naive / 4-week mean:"));
        output.WriteLine($"{"weeks ahead",11} {"volume WAPE",24} {"bias",7} {"MASE",5} {"handle WAPE",24} {"bias",7} {"80% / 95% covered (open)",26}");
        foreach (var h in b.GetProperty("horizons").EnumerateArray())
        {
            string Wape(string what) => F($"{D(h.GetProperty(what), "wape"):F1}/{D(h.GetProperty(what + "Naive"), "wape"):F1}/{D(h.GetProperty(what + "FourWeekMean"), "wape"):F1}%");
            var c = h.GetProperty("coverage");
            output.WriteLine(F($"{h.GetProperty("horizon").GetInt32(),11} {Wape("volume"),24} {D(h.GetProperty("volume"), "biasPercent"),6:+0.0;-0.0}% {D(h.GetProperty("volume"), "mase"),5:F2} {Wape("handle"),24} {D(h.GetProperty("handle"), "biasPercent"),6:+0.0;-0.0}% {$"{D(c, "volume80"):P0} / {D(c, "volume95"):P0} vol, {D(c, "handle80"):P0} / {D(c, "handle95"):P0} AHT",26}"));
        }
    }

    private static async Task<JsonDocument?> Get(HttpClient http, string path, TextWriter output)
    {
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        if (response.IsSuccessStatusCode) return JsonDocument.Parse(text);
        output.WriteLine($"forecast: {path.Split('?')[0]} answered {(int)response.StatusCode}: {text}");
        return null;
    }

    private static double D(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Number ? e.GetProperty(name).GetDouble() : double.NaN;

    private static string Range(JsonElement r, string what, string level, string format) =>
        F($"{D(r, $"{what}Lower{level}").ToString(format, CultureInfo.InvariantCulture)}-{D(r, $"{what}Upper{level}").ToString(format, CultureInfo.InvariantCulture)}");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
