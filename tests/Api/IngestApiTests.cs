using System.Net;
using System.Text;
using System.Text.Json;

namespace QmInsights.Tests.Api;

public sealed class IngestApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static StringContent Body(string text, string type) => new(text, Encoding.UTF8, type);

    private async Task<(HttpStatusCode Status, JsonElement Body)> Post(string path, string text, string type)
    {
        using var response = await host.Http.PostAsync(path, Body(text, type));
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }

    private const string Scorecard = """
        { "name": "Core", "targetPercent": 80, "sections": [
          { "id": "s1", "name": "All", "weight": 1, "items": [
            { "id": "greet", "text": "Greets", "points": 1 },
            { "id": "verify", "text": "Verifies identity", "points": 1, "critical": true } ] } ] }
        """;

    [Fact]
    public async Task A_batch_accepts_valid_records_and_names_field_and_position_of_each_rejected_one()
    {
        var ndjson = string.Join('\n',
            """{"interactionId":"b1","channel":"call","agentId":"ag-b","teamId":"tm-b","queue":"q","startedAt":"2026-03-02T09:00:00+01:00","handleSeconds":300,"resolvedFirstContact":true}""",
            """{"interactionId":"b2","channel":"fax","agentId":"ag-b","teamId":"tm-b","queue":"q","startedAt":"2026-03-02T09:00:00+01:00","handleSeconds":300}""",
            """{"interactionId":"b3","channel":"chat","agentId":"ag-b","teamId":"tm-b","queue":"q","startedAt":"2026-03-02T09:00:00","handleSeconds":-5}""",
            """{not json""",
            """{"interactionId":"b4","channel":"email","agentId":"ag-b","teamId":"tm-b","queue":"q","startedAt":"2026-03-03T10:00:00Z","handleSeconds":600,"customerName":"Jane"}""");
        var (status, body) = await Post("/api/interactions", ndjson, "application/x-ndjson");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, body.GetProperty("accepted").GetInt64());
        var rejected = body.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], rejected.Select(r => r.GetProperty("position").GetInt32()));
        Assert.Equal("b2", rejected[0].GetProperty("id").GetString());
        Assert.Contains("channel: 'fax' is not one of call, email, chat", rejected[0].GetProperty("reason").GetString());
        Assert.Contains("startedAt:", rejected[1].GetProperty("reason").GetString());
        Assert.Contains("handleSeconds: -5 must be >= 0", rejected[1].GetProperty("reason").GetString());
        Assert.Contains("not valid JSON", rejected[2].GetProperty("reason").GetString());
        Assert.Equal(["customerName"], body.GetProperty("ignoredFields").EnumerateArray().Select(f => f.GetString()));

        using var summary = JsonDocument.Parse(await host.Http.GetStringAsync("/api/agents/ag-b/summary"));
        Assert.Equal(2, summary.RootElement.GetProperty("interactions").GetInt64());
        Assert.Equal(450, summary.RootElement.GetProperty("ahtSeconds").GetDouble());
    }

    [Fact]
    public async Task Resending_a_batch_acknowledges_duplicates_and_counts_nothing_twice()
    {
        const string json = """
            [{"interactionId":"d1","channel":"chat","agentId":"ag-d","teamId":"tm-d","queue":"q","startedAt":"2026-03-02T09:00:00Z","handleSeconds":100},
             {"interactionId":"d2","channel":"chat","agentId":"ag-d","teamId":"tm-d","queue":"q","startedAt":"2026-03-02T10:00:00Z","handleSeconds":200}]
            """;
        var first = await Post("/api/interactions", json, "application/json");
        var second = await Post("/api/interactions", json, "application/json");
        Assert.Equal(2, first.Body.GetProperty("accepted").GetInt64());
        Assert.Equal(0, second.Body.GetProperty("accepted").GetInt64());
        Assert.Equal(2, second.Body.GetProperty("duplicates").GetInt64());
        using var summary = JsonDocument.Parse(await host.Http.GetStringAsync("/api/teams/tm-d/summary"));
        Assert.Equal(2, summary.RootElement.GetProperty("interactions").GetInt64());
    }

    [Fact]
    public async Task A_single_record_that_conflicts_with_an_accepted_one_gets_409()
    {
        const string original = """{"interactionId":"c1","channel":"chat","agentId":"ag-c","teamId":"tm-c","queue":"q","startedAt":"2026-03-02T09:00:00Z","handleSeconds":100}""";
        Assert.Equal(HttpStatusCode.OK, (await Post("/api/interactions", original, "application/json")).Status);
        var (status, body) = await Post("/api/interactions", original.Replace("100", "999"), "application/json");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.StartsWith("handleSeconds:", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_JSON_array_broken_midway_gets_400_and_keeps_the_records_before_the_break()
    {
        const string broken = """
            [{"interactionId":"m1","channel":"chat","agentId":"ag-m","teamId":"tm-m","queue":"q","startedAt":"2026-03-02T09:00:00Z","handleSeconds":100},
             {"interactionId":"m2", "channel": chat}]
            """;
        using var response = await host.Http.PostAsync("/api/interactions", Body(broken, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(1, problem.RootElement.GetProperty("report").GetProperty("accepted").GetInt64());
        using var summary = JsonDocument.Parse(await host.Http.GetStringAsync("/api/agents/ag-m/summary"));
        Assert.Equal(1, summary.RootElement.GetProperty("interactions").GetInt64());
    }

    [Fact]
    public async Task An_unsupported_content_type_gets_415()
    {
        using var response = await host.Http.PostAsync("/api/surveys", Body("<xml/>", "application/xml"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Evaluations_in_CSV_are_scored_with_their_scorecard_and_revisions_replace_them()
    {
        using var put = await host.Http.PutAsync("/api/scorecards/core-csv", Body(Scorecard, "application/json"));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        using var again = await host.Http.PutAsync("/api/scorecards/core-csv", Body(Scorecard, "application/json"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // same content: no new version

        const string csv = """
            evaluationId,interactionId,agentId,evaluatorId,scorecardId,kind,evaluatedAt,answers,comment
            v1,x1,ag-v,ev1,core-csv,regular,2026-03-04T10:00:00+01:00,greet=yes;verify=yes,"Good, ""clear"" call"
            v2,x2,ag-v,ev1,core-csv,regular,2026-03-04T11:00:00+01:00,greet=yes;verify=no,
            v3,x3,ag-v,ev1,core-csv,regular,2026-03-04T11:00:00+01:00,greet=yes,
            v4,x4,ag-v,ev1,nope,regular,2026-03-04T11:00:00+01:00,greet=yes;verify=yes,
            """;
        var (status, body) = await Post("/api/evaluations", csv, "text/csv");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, body.GetProperty("accepted").GetInt64());
        var reasons = body.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("reason").GetString()!).ToList();
        Assert.Contains(reasons, r => r.StartsWith("answers:") && r.Contains("'verify'"));
        Assert.Contains(reasons, r => r.StartsWith("scorecardId:") && r.Contains("nope"));

        // v1 scores 100, v2 fails the critical item: 0. Mean 50.
        using var before = JsonDocument.Parse(await host.Http.GetStringAsync("/api/agents/ag-v/summary"));
        Assert.Equal(50, before.RootElement.GetProperty("qaScore").GetDouble());

        const string revision = """{"evaluationId":"v2","interactionId":"x2","agentId":"ag-v","evaluatorId":"ev1","scorecardId":"core-csv","kind":"regular","evaluatedAt":"2026-03-04T11:00:00+01:00","answers":{"greet":"yes","verify":"yes"},"revision":2}""";
        var revised = await Post("/api/evaluations", revision, "application/json");
        Assert.Equal(1, revised.Body.GetProperty("revised").GetInt64());
        using var after = JsonDocument.Parse(await host.Http.GetStringAsync("/api/agents/ag-v/summary"));
        Assert.Equal(2, after.RootElement.GetProperty("evaluations").GetInt64());
        Assert.Equal(100, after.RootElement.GetProperty("qaScore").GetDouble());

        // Transparency: the agent sees both evaluations in time order, the revised one with its earlier revision.
        using var own = JsonDocument.Parse(await host.Http.GetStringAsync("/api/agents/ag-v/evaluations"));
        var list = own.RootElement.EnumerateArray().ToList();
        Assert.Equal(["v1", "v2"], list.Select(e => e.GetProperty("current").GetProperty("evaluation").GetProperty("evaluationId").GetString()));
        Assert.Equal("Good, \"clear\" call", list[0].GetProperty("current").GetProperty("evaluation").GetProperty("comment").GetString());
        Assert.Equal(2, list[1].GetProperty("current").GetProperty("evaluation").GetProperty("revision").GetInt32());
        Assert.Equal(0, list[1].GetProperty("earlierRevisions")[0].GetProperty("score").GetProperty("percent").GetDouble());
        Assert.Equal(1, list[1].GetProperty("current").GetProperty("score").GetProperty("scorecardVersion").GetInt32());

        using var items = JsonDocument.Parse(await host.Http.GetStringAsync("/api/scorecards/core-csv/items"));
        var verify = items.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("itemId").GetString() == "verify");
        Assert.Equal(2, verify.GetProperty("passed").GetInt64());
        Assert.Equal(0, verify.GetProperty("failed").GetInt64());
    }

    [Fact]
    public async Task An_invalid_scorecard_is_refused_with_every_problem_named()
    {
        const string bad = """{ "name": "", "targetPercent": 120, "sections": [ { "id": "s", "name": "S", "items": [ { "id": "a", "text": "A", "points": -1 }, { "id": "a", "text": "B", "points": 1 } ] } ] }""";
        using var response = await host.Http.PutAsync("/api/scorecards/bad", Body(bad, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("targetPercent", text);
        Assert.Contains("sections[0].items[0].points", text);
        Assert.Contains("sections[0].items[1].id", text);
    }
}
