using System.Globalization;
using System.Text.Json;

namespace QmInsights.Silo.Demo;

/// <summary>Prints team summaries, fetched through the public API, as a table a manager can read.</summary>
public static class SummaryTable
{
    public static async Task Print(HttpClient http, IEnumerable<string> teamIds, TextWriter log)
    {
        log.WriteLine();
        log.WriteLine($"{"team",-10} {"evals",6} {"QA %",6} {"95% CI",-13} {"target",6} {"CSAT %",7} {"NPS",6} {"AHT s",6} {"FCR %",6} {"contacts",9} {"surveys",8}");
        double evaluations = 0, scoreSum = 0, contacts = 0, surveys = 0;
        foreach (var teamId in teamIds)
        {
            using var doc = JsonDocument.Parse(await http.GetStringAsync($"/api/teams/{Uri.EscapeDataString(teamId)}/summary"));
            var s = doc.RootElement;
            var n = s.GetProperty("evaluations").GetInt64();
            var qa = Number(s, "qaScore");
            evaluations += n;
            scoreSum += n * (qa ?? 0);
            contacts += s.GetProperty("interactions").GetInt64();
            surveys += s.GetProperty("surveys").GetInt64();
            var ci = s.GetProperty("qaScoreCi95");
            var ciText = ci.ValueKind == JsonValueKind.Array
                ? string.Create(CultureInfo.InvariantCulture, $"[{ci[0].GetDouble():F1}, {ci[1].GetDouble():F1}]")
                : "-";
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{teamId,-10} {n,6} {F(qa),6} {ciText,-13} {F(Number(s, "targetPercent"), "F0"),6} {F(Number(s, "csat")),7} {F(Number(s, "nps")),6} {F(Number(s, "ahtSeconds"), "F0"),6} {F(Number(s, "fcrRate") * 100),6} {s.GetProperty("interactions").GetInt64(),9:N0} {s.GetProperty("surveys").GetInt64(),8:N0}"));
        }
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"centre",-10} {evaluations,6:F0} {F(evaluations > 0 ? scoreSum / evaluations : null),6} {"",-13} {"",6} {"",7} {"",6} {"",6} {"",6} {contacts,9:N0} {surveys,8:N0}"));
    }

    private static double? Number(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Number ? e.GetProperty(name).GetDouble() : null;

    private static string F(double? value, string format = "F1") =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
