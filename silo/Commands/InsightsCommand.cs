using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace QmInsights.Silo.Commands;

/// <summary><c>qminsights insights --url URL [--token T] [--from D] [--to D] [--teamId T]</c>: the relationships,
/// conflicts, model drivers and disagreeing agents of a running engine, as readable tables.</summary>
public static class InsightsCommand
{
    public static async Task<int> Run(string[] args)
    {
        string? url = null, token = null;
        var query = new List<string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
            switch (args[i])
            {
                case "--url": url = args[i + 1]; break;
                case "--token": token = args[i + 1]; break;
                case "--from" or "--to" or "--teamId" or "--channel" or "--queue":
                    query.Add($"{args[i][2..]}={Uri.EscapeDataString(args[i + 1])}");
                    break;
                default: return Usage($"{args[i]}: unknown option");
            }
        if (url is null || args.Length % 2 != 0) return Usage("--url is required");

        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(10) };
        if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var suffix = query.Count > 0 ? "?" + string.Join('&', query) : "";
        Console.WriteLine("analysing (regressions, ML.NET models) ...");
        using var response = await http.GetAsync($"/api/insights/relationships{suffix}");
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"insights: {(int)response.StatusCode} {text}");
            return 1;
        }
        using var report = JsonDocument.Parse(text);
        var root = report.RootElement;
        Console.WriteLine($"{root.GetProperty("evaluatedContacts").GetInt32():N0} evaluated contacts, {root.GetProperty("surveyedContacts").GetInt32():N0} with a survey");

        Console.WriteLine();
        Console.WriteLine($"{"driver",-16} {"outcome",-14} {"effect",10} {"95% CI",-22} {"n",6} {"adj. p",8}  verdict");
        foreach (var r in root.GetProperty("relationships").EnumerateArray())
        {
            var ci = r.GetProperty("ci95");
            var ciText = ci.ValueKind == JsonValueKind.Array ? F($"[{ci[0].GetDouble():0.###}, {ci[1].GetDouble():0.###}]") : "";
            Console.WriteLine(F($"{r.GetProperty("driver").GetString(),-16} {r.GetProperty("outcome").GetString(),-14} {Number(r, "effect", "0.###"),10} {ciText,-22} {r.GetProperty("n").GetInt32(),6} {Number(r, "pAdjusted", "0.0000"),8}  {r.GetProperty("verdict").GetString()}"));
        }

        Console.WriteLine();
        Console.WriteLine("conflicting targets:");
        foreach (var c in root.GetProperty("conflicts").EnumerateArray())
            Console.WriteLine($"  [{c.GetProperty("metricA").GetString()} vs {c.GetProperty("metricB").GetString()}] {c.GetProperty("explanation").GetString()}");

        foreach (var model in root.GetProperty("models").EnumerateArray())
        {
            Console.WriteLine();
            Console.WriteLine(F($"ML.NET FastTree model of {model.GetProperty("outcome").GetString()} (held-out R² {model.GetProperty("heldOutRSquared").GetDouble():0.000}): top drivers by permutation importance, with the mean contribution when done"));
            foreach (var d in model.GetProperty("drivers").EnumerateArray().Take(5))
                Console.WriteLine(F($"  {d.GetProperty("feature").GetString(),-24} +{d.GetProperty("importance").GetDouble():0.####} RMSE  {Number(d, "contributionWhenYes", "+0.###;-0.###"),8}  {d.GetProperty("agreement").GetString()}"));
        }

        using var gaps = JsonDocument.Parse(await http.GetStringAsync($"/api/insights/disagreeing-agents{suffix}"));
        Console.WriteLine();
        Console.WriteLine("agents where QA and CSAT disagree most:");
        foreach (var g in gaps.RootElement.EnumerateArray()) Console.WriteLine($"  {g.GetProperty("explanation").GetString()}");
        return 0;
    }

    private static string Number(JsonElement e, string name, string format) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Number ? e.GetProperty(name).GetDouble().ToString(format, CultureInfo.InvariantCulture) : "-";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static int Usage(string error)
    {
        Console.Error.WriteLine($"insights: {error}\nusage: qminsights insights --url http://host:port [--token T] [--from yyyy-MM-dd] [--to yyyy-MM-dd] [--teamId T] [--channel C] [--queue Q]");
        return 2;
    }
}
