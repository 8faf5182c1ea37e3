using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Ingestion;
using QmInsights.Domain.Scorecards;
using QmInsights.Domain.Simulation;

namespace QmInsights.Silo.Demo;

/// <summary>Feeds the engine through its public HTTP API, as an integration would: NDJSON batches, with progress.</summary>
public sealed class ApiClient(HttpClient http, TextWriter log)
{
    public async Task<int> PutScorecard(string scorecardId, ScorecardDefinition definition, DateTimeOffset validFrom)
    {
        using var response = await http.PutAsync($"/api/scorecards/{Uri.EscapeDataString(scorecardId)}",
            Json(w => ContractJson.Write(w, definition, validFrom)));
        var body = await Ensure(response, $"scorecard {scorecardId}");
        return body.RootElement.GetProperty("version").GetInt32();
    }

    public async Task PutAgent(AgentRosterEntry entry)
    {
        using var response = await http.PutAsync($"/api/agents/{Uri.EscapeDataString(entry.AgentId)}",
            Json(w => ContractJson.Write(w, entry)));
        await Ensure(response, $"agent {entry.AgentId}");
    }

    /// <summary>Defines a calibration session (every participant and the expert scoring the same contacts); false when
    /// an earlier run already held and closed it (a closed session cannot change).</summary>
    public async Task<bool> PutCalibration(SimulatedCalibration session)
    {
        using var response = await http.PutAsync($"/api/calibrations/{Uri.EscapeDataString(session.SessionId)}", Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("scorecardId", DemoScorecard.Id);
            w.WriteString("expertId", session.ExpertId);
            w.WriteStartArray("interactionIds");
            foreach (var id in session.InteractionIds) w.WriteStringValue(id);
            w.WriteEndArray();
            w.WriteStartArray("evaluatorIds");
            foreach (var id in session.EvaluatorIds) w.WriteStringValue(id);
            w.WriteEndArray();
            w.WriteEndObject();
        }));
        if (response.StatusCode == System.Net.HttpStatusCode.Conflict) return false;
        (await Ensure(response, $"calibration {session.SessionId}")).Dispose();
        return true;
    }

    public async Task CloseCalibration(string sessionId)
    {
        using var response = await http.PostAsync($"/api/calibrations/{Uri.EscapeDataString(sessionId)}/close", null);
        await Ensure(response, $"closing calibration {sessionId}");
    }

    /// <summary>Posts <paramref name="records"/> in NDJSON batches of <paramref name="batchSize"/>, a few requests in
    /// flight at once (order does not matter: ingestion is idempotent and order-free), printing progress.</summary>
    public async Task<IngestTotals> Post<T>(string path, string what, IEnumerable<T> records, long expected,
        Action<Utf8JsonWriter, T> write, int batchSize = 5000, int inFlight = 3)
    {
        var totals = new IngestTotals();
        var clock = Stopwatch.StartNew();
        await using var progress = await Progress.Start(log, what, expected);
        var pending = new List<Task<JsonDocument>>();
        foreach (var batch in records.Chunk(batchSize))
        {
            if (pending.Count == inFlight) await Collect(await Task.WhenAny(pending));
            pending.Add(Send(path, what, Ndjson(batch, write)));
        }
        while (pending.Count > 0) await Collect(await Task.WhenAny(pending));
        await progress.Done(totals, clock.Elapsed);
        totals.Elapsed = clock.Elapsed;
        return totals;

        async Task Collect(Task<JsonDocument> done)
        {
            pending.Remove(done);
            using var body = await done;
            totals.Add(body.RootElement);
            progress.Report(totals.Submitted, clock.Elapsed);
        }
    }

    private async Task<JsonDocument> Send(string path, string what, HttpContent content)
    {
        using var response = await http.PostAsync(path, content);
        return await Ensure(response, what);
    }

    private static HttpContent Ndjson<T>(IEnumerable<T> batch, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            foreach (var record in batch)
            {
                write(writer, record);
                writer.Flush();
                writer.Reset();
                buffer.WriteByte((byte)'\n');
            }
        buffer.Position = 0;
        var content = new StreamContent(buffer);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        return content;
    }

    private static HttpContent Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) write(writer);
        buffer.Position = 0;
        var content = new StreamContent(buffer);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task<JsonDocument> Ensure(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {response.ReasonPhrase}: {text}");
        return JsonDocument.Parse(text);
    }
}
