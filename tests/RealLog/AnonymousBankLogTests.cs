using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using QmInsights.Silo.Hosting;

namespace QmInsights.Tests.RealLog;

/// <summary>A real public per-call log, the Technion "Anonymous Bank" call centre (Guedj and Mandelbaum; analysed in
/// Brown et al., "Statistical Analysis of a Telephone Call Center", JASA 100(469), 2005): every call of 1 February 1999
/// imported through the shipped profile, its figures checked against a computation straight from the file.</summary>
public sealed class AnonymousBankLogTests
{
    private const string File = "RealLog/anonymous-bank-1999-02-01.csv";
    private const double ServiceLevelSeconds = 20, ShortAbandonSeconds = 5;

    private sealed record Call(string Queue, string Outcome, double Wait, double Service, string Server);

    // Straight from the file, without the engine: queue = type, wait = q_time, handle = ser_time.
    private static List<Call> Calls()
    {
        var lines = System.IO.File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, File));
        var header = lines[0].Split(',').Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i);
        return lines.Skip(1).Select(l => l.Split(',')).Select(c => new Call(c[header["type"]], c[header["outcome"]],
            double.Parse(c[header["q_time"]], CultureInfo.InvariantCulture), double.Parse(c[header["ser_time"]], CultureInfo.InvariantCulture),
            c[header["server"]])).ToList();
    }

    [Fact]
    public async Task The_days_calls_import_with_no_rejection_and_every_queue_figure_equals_the_files_own()
    {
        await using var app = QmHost.Build([.. FreePorts.LocalHostArgs(), "--Centre:TimeZone=Asia/Jerusalem", "--Ingestion:EarliestTimestamp=1999-01-01",
            $"--Centre:ServiceLevelSeconds={ServiceLevelSeconds}", $"--Centre:ShortAbandonSeconds={ShortAbandonSeconds}"]);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var csv = await System.IO.File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, File));
        using var posted = await http.PostAsync("/api/interactions?profile=anonymous-bank", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var report = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement;
        var calls = Calls();
        Assert.True(report.GetProperty("rejected").GetArrayLength() == 0, report.GetProperty("rejected").ToString());
        Assert.Equal(calls.Count, report.GetProperty("accepted").GetInt32());

        // Local days: every call of 1 February in Israel, whatever its UTC date.
        var queues = await http.GetFromJsonAsync<JsonElement>("/api/queues/figures?from=1999-02-01&to=1999-02-01&interval=hour");
        var byQueue = queues.EnumerateArray().ToDictionary(q => q.GetProperty("queue").GetString()!, q => q.GetProperty("total"));
        Assert.Equal(calls.Select(c => c.Queue).Distinct().Order(StringComparer.Ordinal), byQueue.Keys.Order(StringComparer.Ordinal));
        foreach (var group in calls.GroupBy(c => c.Queue))
        {
            var handled = group.Where(c => c.Outcome == "AGENT").ToList();
            var abandoned = group.Count(c => c.Outcome == "HANG" && c.Wait >= ShortAbandonSeconds);
            var offered = handled.Count + abandoned;
            var total = byQueue[group.Key];
            Assert.Equal(offered, total.GetProperty("offered").GetInt64());
            Assert.Equal(handled.Count, total.GetProperty("handled").GetInt64());
            Assert.Equal(abandoned, total.GetProperty("abandoned").GetInt64());
            Assert.Equal(group.Count(c => c.Outcome == "HANG") - abandoned, total.GetProperty("shortAbandoned").GetInt64());
            Assert.Equal((double)abandoned / offered, total.GetProperty("abandonRate").GetDouble(), 12);
            Assert.Equal(handled.Count(c => c.Wait <= ServiceLevelSeconds) / (double)offered, total.GetProperty("serviceLevel").GetDouble(), 12);
            Assert.Equal(Math.Round(handled.Average(c => c.Service), 1, MidpointRounding.AwayFromZero), total.GetProperty("ahtSeconds").GetDouble());
            Assert.Equal(Math.Round(handled.Average(c => c.Wait), 1, MidpointRounding.AwayFromZero), total.GetProperty("asaSeconds").GetDouble());
        }

        // Handled calls count for their agent and the log's one team; abandoned ones for nobody.
        var team = await http.GetFromJsonAsync<JsonElement>("/api/teams/bank/summary?from=1999-02-01&to=1999-02-01");
        Assert.Equal(calls.Count(c => c.Outcome == "AGENT"), team.GetProperty("interactions").GetInt64());
        var busiest = calls.Where(c => c.Outcome == "AGENT").GroupBy(c => c.Server).MaxBy(g => g.Count())!;
        var agent = await http.GetFromJsonAsync<JsonElement>($"/api/agents/{busiest.Key}/summary?from=1999-02-01&to=1999-02-01");
        Assert.Equal(busiest.Count(), agent.GetProperty("interactions").GetInt64());
        Assert.Equal(Math.Round(busiest.Average(c => c.Service), 1, MidpointRounding.AwayFromZero), agent.GetProperty("ahtSeconds").GetDouble());
        await app.StopAsync();
    }
}
