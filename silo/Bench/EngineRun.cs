using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using QmInsights.Domain.Ingestion;
using QmInsights.Domain.Simulation;
using QmInsights.Silo.Hosting;

namespace QmInsights.Silo.Bench;

/// <summary>The engine as a user runs it: a host on free ports, fed through its HTTP API (pre-serialised NDJSON,
/// a few requests in flight), then queried for every agent and team summary.</summary>
public sealed record EngineRun(KindTimes Ingest, Latency Agents, Latency Teams, Dictionary<string, JsonElement> AgentSummaries)
{
    private const int InFlight = 3;

    public static async Task<EngineRun> Measure(BenchData data, IEnumerable<string> settings, TextWriter log, string name,
        Func<HttpClient, IServiceProvider, Task>? afterIngest = null)
    {
        await using var app = QmHost.Build([.. FreePorts.LocalHostArgs(), .. settings]);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(10) };
        await PutScorecards(http, data);

        var ingest = await Feed(http, data, log, name);
        if (afterIngest is not null) await afterIngest(http, app.Services);

        var agentIds = data.Centre.Agents.Select(a => a.AgentId).ToList();
        var agents = await Latency.Measure(agentIds, 3, id => http.GetStringAsync($"/api/agents/{id}/summary"));
        var teams = await Latency.Measure(data.Centre.TeamIds, 10, id => http.GetStringAsync($"/api/teams/{id}/summary"));
        var summaries = new Dictionary<string, JsonElement>();
        foreach (var id in agentIds.Take(5))
            summaries[id] = JsonDocument.Parse(await http.GetStringAsync($"/api/agents/{id}/summary")).RootElement.Clone();
        await app.StopAsync();
        return new EngineRun(ingest, agents, teams, summaries);
    }

    /// <summary>Ingestion alone: a new host on <paramref name="settings"/> fed the data, timed per kind as in
    /// <see cref="Measure"/>, then stopped.</summary>
    public static async Task<KindTimes> TimeIngestion(BenchData data, IEnumerable<string> settings, TextWriter log, string name)
    {
        await using var app = QmHost.Build([.. FreePorts.LocalHostArgs(), .. settings]);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(10) };
        await PutScorecards(http, data);
        var ingest = await Feed(http, data, log, name);
        await app.StopAsync();
        return ingest;
    }

    private static async Task PutScorecards(HttpClient http, BenchData data)
    {
        foreach (var (_, validFrom, definition) in data.Centre.ScorecardVersions)
        {
            var body = new MemoryStream();
            await using (var writer = new Utf8JsonWriter(body)) ContractJson.Write(writer, definition, validFrom);
            using var put = await http.PutAsync($"/api/scorecards/{DemoScorecard.Id}", Json(body.ToArray(), "application/json"));
            put.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Posts each kind's bodies (a few requests in flight), the kinds one after another, timing each kind.</summary>
    public static async Task<KindTimes> Feed(HttpClient http, BenchData data, TextWriter log, string name)
    {
        var times = new Dictionary<string, TimeSpan>();
        foreach (var kind in data.Kinds)
        {
            var clock = Stopwatch.StartNew();
            var pending = new List<Task>();
            var done = 0;
            foreach (var body in kind.Bodies)
            {
                if (pending.Count == InFlight) pending.Remove(await Task.WhenAny(pending));
                pending.Add(Post(http, kind.Path, body));
                if (++done % 10 == 0) log.WriteLine($"  {name}: {kind.Name} {done}/{kind.Bodies.Count} batches, {clock.Elapsed.TotalSeconds:F1} s");
            }
            await Task.WhenAll(pending);
            times[kind.Path] = clock.Elapsed;
        }
        return new KindTimes(times[BenchData.InteractionsPath], times[BenchData.SurveysPath], times[BenchData.EvaluationsPath]);
    }

    /// <summary>A new host on storage a run filled: the time from start until every agent's and team's summary has been
    /// served once (each aggregate rebuilt from the stored facts).</summary>
    public static async Task<TimeSpan> Restart(BenchData data, IEnumerable<string> settings)
    {
        var clock = Stopwatch.StartNew();
        await using var app = QmHost.Build([.. FreePorts.LocalHostArgs(), .. settings]);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(10) };
        var paths = data.Centre.Agents.Select(a => $"/api/agents/{a.AgentId}/summary").Concat(data.Centre.TeamIds.Select(t => $"/api/teams/{t}/summary"));
        await Parallel.ForEachAsync(paths, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (path, ct) => await http.GetStringAsync(path, ct));
        var elapsed = clock.Elapsed;
        await app.StopAsync();
        return elapsed;
    }

    /// <summary>Posts one NDJSON batch and insists every record in it was accepted.</summary>
    internal static async Task Post(HttpClient http, string path, byte[] body)
    {
        using var response = await http.PostAsync(path, Json(body, "application/x-ndjson"));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !text.Contains("\"rejected\":[]", StringComparison.Ordinal))
            throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 500)]}");
    }

    private static ByteArrayContent Json(byte[] body, string type)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }
}
