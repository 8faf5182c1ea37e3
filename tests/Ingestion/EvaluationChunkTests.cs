using System.Net;
using System.Text;
using System.Text.Json;
using QmInsights.Storage;
using QmInsights.Tests.Api;

namespace QmInsights.Tests.Ingestion;

/// <summary>One chunk of evaluations goes through the cluster in batches (histories once, one bind per index grain,
/// one apply per shard, one change per aggregate): every record still gets its own outcome at its own position, and
/// the order of the facts does not change what the aggregates hold.</summary>
public sealed class EvaluationChunkTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string Scorecard = """
        { "name": "Chunked", "targetPercent": 80, "sections": [
          { "id": "s1", "name": "All", "weight": 1, "items": [
            { "id": "greet", "text": "Greets", "points": 1 },
            { "id": "verify", "text": "Verifies identity", "points": 1 } ] } ] }
        """;

    private static string Contact(string id, string agent, string team = "tm-chunk") =>
        $$"""{"interactionId":"{{id}}","channel":"call","agentId":"{{agent}}","teamId":"{{team}}","queue":"q","startedAt":"2026-03-02T09:00:00Z","handleSeconds":300}""";

    private static string Evaluation(string id, string interaction, string agent, string scorecard, int revision = 1, string greet = "yes",
        int? version = null) =>
        $$$"""{"evaluationId":"{{{id}}}","interactionId":"{{{interaction}}}","agentId":"{{{agent}}}","evaluatorId":"qa-1","scorecardId":"{{{scorecard}}}",{{{(version is { } v ? $"\"scorecardVersion\":{v}," : "")}}}"kind":"regular","evaluatedAt":"2026-03-03T10:00:00Z","revision":{{{revision}}},"answers":{"greet":"{{{greet}}}","verify":"yes"}}""";

    private async Task<JsonElement> Post(string path, IEnumerable<string> lines)
    {
        using var response = await host.Http.PostAsync(path, new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task DefineScorecard(string id)
    {
        using var put = await host.Http.PutAsync($"/api/scorecards/{id}", new StringContent(Scorecard, Encoding.UTF8, "application/json"));
        put.EnsureSuccessStatusCode();
    }

    private async Task<(long Evaluations, double QaScore)> Summary(string agent)
    {
        using var doc = JsonDocument.Parse(await host.Http.GetStringAsync($"/api/agents/{agent}/summary"));
        return (doc.RootElement.GetProperty("evaluations").GetInt64(), doc.RootElement.GetProperty("qaScore").GetDouble());
    }

    [Fact]
    public async Task A_chunk_with_revisions_duplicates_conflicts_across_shards_and_an_unknown_version_reports_each_at_its_position()
    {
        await DefineScorecard("sc-chunk");
        // Two interactions on different shards, so the reused evaluation id below is a conflict between shards.
        var ids = Enumerable.Range(0, 64).Select(i => $"ck-{i}").ToList();
        var first = ids[0];
        var otherShard = ids.First(i => Shards.Of(i) != Shards.Of(first));
        var third = ids.First(i => i != first && i != otherShard);
        await Post("/api/interactions", [Contact(first, "ag-chunk"), Contact(otherShard, "ag-chunk"), Contact(third, "ag-chunk")]);

        string[] chunk =
        [
            Evaluation("ev-a", first, "ag-chunk", "sc-chunk", greet: "no"),            // 0 accepted
            Evaluation("ev-a", first, "ag-chunk", "sc-chunk", revision: 2),            // 1 revises 0 in the same chunk
            Evaluation("ev-b", third, "ag-chunk", "sc-chunk"),                         // 2 accepted
            Evaluation("ev-b", third, "ag-chunk", "sc-chunk"),                         // 3 duplicate of 2
            Evaluation("ev-c", third, "ag-chunk", "sc-chunk", version: 9),             // 4 unknown version: rejected
            Evaluation("ev-b", otherShard, "ag-chunk", "sc-chunk"),                    // 5 id already bound to another interaction
            Evaluation("ev-a", first, "ag-chunk", "sc-chunk", greet: "no"),            // 6 older revision: superseded
            Evaluation("ev-d", otherShard, "ag-chunk", "sc-chunk", greet: "no"),       // 7 accepted, after the rejections
        ];
        var report = await Post("/api/evaluations", chunk);

        Assert.Equal(4, report.GetProperty("accepted").GetInt64()); // 0, 1 (a revision counts as accepted), 2, 7
        Assert.Equal(1, report.GetProperty("revised").GetInt64());
        Assert.Equal(1, report.GetProperty("duplicates").GetInt64());
        Assert.Equal(1, report.GetProperty("superseded").GetInt64());
        var rejected = report.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal([4, 5], rejected.Select(r => r.GetProperty("position").GetInt32()));
        Assert.Equal(["ev-c", "ev-b"], rejected.Select(r => r.GetProperty("id").GetString()));
        Assert.StartsWith("scorecardVersion: scorecard 'sc-chunk' has no version 9", rejected[0].GetProperty("reason").GetString());
        Assert.StartsWith("interactionId: evaluation 'ev-b' was already accepted for interaction", rejected[1].GetProperty("reason").GetString());

        // ev-a counts once at its second revision (100), ev-b once (100), ev-d (50).
        Assert.Equal((3, 250.0 / 3), await Summary("ag-chunk"));

        // The whole chunk again: nothing new, nothing counted twice, the same rejections.
        var again = await Post("/api/evaluations", chunk);
        Assert.Equal(0, again.GetProperty("accepted").GetInt64());
        Assert.Equal(4, again.GetProperty("duplicates").GetInt64()); // 1, 2, 3, 7
        Assert.Equal(2, again.GetProperty("superseded").GetInt64()); // 0, 6
        Assert.Equal([4, 5], again.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("position").GetInt32()));
        Assert.Equal((3, 250.0 / 3), await Summary("ag-chunk"));
    }

    [Fact]
    public async Task Evaluations_before_their_contacts_and_revisions_before_originals_end_as_in_order()
    {
        await DefineScorecard("sc-order");
        string[] contacts = [Contact("or-1", "ag-inorder", "tm-order"), Contact("or-2", "ag-inorder", "tm-order")];
        string[] evaluations =
        [
            Evaluation("or-e1", "or-1", "ag-inorder", "sc-order", greet: "no"),
            Evaluation("or-e1", "or-1", "ag-inorder", "sc-order", revision: 2),
            Evaluation("or-e2", "or-2", "ag-inorder", "sc-order", greet: "no"),
        ];
        await Post("/api/interactions", contacts);
        await Post("/api/evaluations", evaluations);

        static string Reversed(string line) => line.Replace("or-", "rv-").Replace("ag-inorder", "ag-reversed");
        await Post("/api/evaluations", evaluations.Reverse().Select(Reversed));
        await Post("/api/interactions", contacts.Reverse().Select(Reversed));

        Assert.Equal((2, 75.0), await Summary("ag-inorder"));
        Assert.Equal(await Summary("ag-inorder"), await Summary("ag-reversed"));
        using var team = JsonDocument.Parse(await host.Http.GetStringAsync("/api/teams/tm-order/summary"));
        Assert.Equal(4, team.RootElement.GetProperty("evaluations").GetInt64()); // both agents' contacts reached the team
    }
}
