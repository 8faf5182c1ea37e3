using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using QmInsights.Domain.Retention;
using QmInsights.Domain.Scorecards;
using QmInsights.Silo.Hosting;
using QmInsights.Tests.Aggregates;
using QmInsights.Tests.Api;

namespace QmInsights.Tests.Retention;

/// <summary>Retention, comment policy and erasure through the HTTP API, in memory mode.</summary>
public sealed class RetentionApiTests
{
    // RandomFacts run from 2026-01-05 for about 90 days: at T1 all of it is inside a 1-month horizon, at T2 the first
    // five weeks are older than it.
    private static readonly DateTimeOffset T1 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T2 = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly CutoffAtT2 = new(2026, 2, 10);

    private static async Task<(WebApplication App, HttpClient Http)> Start(SettableClock clock, params string[] settings)
    {
        var app = QmHost.Build([.. FreePorts.LocalHostArgs(), .. settings],
            b => b.Services.AddKeyedSingleton<TimeProvider>(RetentionOptions.ClockKey, clock));
        await app.StartAsync();
        return (app, new HttpClient { BaseAddress = new Uri(app.Urls.First()) });
    }

    private static async Task<RandomFacts> Ingest(HttpClient http, string prefix, int seed)
    {
        var facts = new RandomFacts(seed, interactions: 900, prefix);
        await Recomputation.PutScorecard(http, new ScorecardVersion("sc", 1, RandomFacts.Start.AddYears(-1), facts.Scorecard));
        // In order, revisions ascending: every revision is stored, so what retention deletes can be counted from the facts.
        var all = facts.Interactions.Cast<object>().Concat(facts.Surveys).Concat(facts.Evaluations).ToList();
        foreach (var chunk in all.Chunk(500)) Assert.Empty((await FactPoster.Post(http, chunk)).Rejected);
        return facts;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static StringContent Ndjson(string line) => new(line, Encoding.UTF8, "application/x-ndjson");

    [Fact]
    public async Task Retention_deletes_old_raw_facts_keeps_every_summary_and_rejects_facts_older_than_the_horizon()
    {
        var clock = new SettableClock(T1);
        var (app, http) = await Start(clock, "--Retention:RawFactMonths=1");
        await using var _ = app;
        var facts = await Ingest(http, "m-", seed: 11);
        var before = await Snapshot.Take(http, "m-");
        var evaluationsBefore = (await Json(await http.GetAsync("/api/agents/m-a1/evaluations"))).GetArrayLength();

        clock.Now = T2;
        using var run = await http.PostAsync("/api/admin/retention/run", null);
        var answer = await Json(run);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Equal("2026-02-10", answer.GetProperty("keptFrom").GetString());
        var retired = Snapshot.RetiredBy(facts, CutoffAtT2);
        Assert.InRange(retired.Count, 200, 700);
        Assert.Equal(retired.Count, answer.GetProperty("deleted").GetProperty("interactions").GetInt64());
        Assert.Equal(facts.Surveys.Count(s => retired.Contains(s.InteractionId)), answer.GetProperty("deleted").GetProperty("surveys").GetInt64());
        Assert.Equal(facts.Evaluations.Count(e => retired.Contains(e.InteractionId)), answer.GetProperty("deleted").GetProperty("evaluations").GetInt64());

        Snapshot.AssertSame(before, await Snapshot.Take(http, "m-"));
        // The raw evaluations behind them are gone from what an agent can list.
        var evaluationsAfter = (await Json(await http.GetAsync("/api/agents/m-a1/evaluations"))).GetArrayLength();
        Assert.Equal(evaluationsBefore - facts.FinalEvaluations().Count(e => e.AgentId == "m-a1" && retired.Contains(e.InteractionId)), evaluationsAfter);

        // A second run finds nothing more; a fact older than the horizon is refused, naming the field.
        using var again = await http.PostAsync("/api/admin/retention/run", null);
        Assert.Equal(0, (await Json(again)).GetProperty("deleted").GetProperty("interactions").GetInt64());
        using var old = await http.PostAsync("/api/interactions", Ndjson(
            """{"interactionId":"m-old","channel":"call","agentId":"m-a1","teamId":"m-t1","queue":"q","startedAt":"2026-02-09T23:00:00Z","handleSeconds":60}"""));
        Assert.Equal(HttpStatusCode.UnprocessableContent, old.StatusCode);
        Assert.Contains("startedAt: older than the 1-month retention horizon (facts before 2026-02-10 are not kept)", (await Json(old)).GetProperty("detail").GetString());
        await app.StopAsync();
    }

    [Fact]
    public async Task Erasing_an_agent_removes_their_data_and_summary_keeps_team_totals_and_refuses_their_facts_afterwards()
    {
        var clock = new SettableClock(T1);
        var (app, http) = await Start(clock);
        await using var _ = app;
        var facts = await Ingest(http, "x-", seed: 12);
        using (var put = await http.PutAsync("/api/agents/x-a3", new StringContent("""{"teamId":"x-t3","hiredAt":"2025-06-01T00:00:00Z","displayName":"Kari Nordmann"}""", Encoding.UTF8, "application/json")))
            put.EnsureSuccessStatusCode();
        var before = await Snapshot.Take(http, "x-");

        using var erase = await http.DeleteAsync("/api/agents/x-a3/personal-data");
        var answer = await Json(erase);
        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        Assert.Equal(facts.Interactions.Count(i => i.AgentId == "x-a3"), answer.GetProperty("deleted").GetProperty("interactions").GetInt64());

        // Asking again is harmless: nothing left to delete, the first erasure's date stands.
        using (var twice = await http.DeleteAsync("/api/agents/x-a3/personal-data"))
        {
            var again = await Json(twice);
            Assert.Equal(answer.GetProperty("erasedAt").GetString(), again.GetProperty("erasedAt").GetString());
            Assert.Equal(0, again.GetProperty("deleted").GetProperty("evaluations").GetInt64());
        }

        var after = await Snapshot.Take(http, "x-");
        Assert.False(after.ContainsKey("/api/agents/x-a3/summary?period=month"));
        Snapshot.AssertSame(before, after, path => !path.Contains("x-a3"));
        using (var summary = await http.GetAsync("/api/agents/x-a3/summary"))
        {
            Assert.Equal(HttpStatusCode.NotFound, summary.StatusCode);
            Assert.Contains("agentId: the personal data of agent 'x-a3' was erased", (await Json(summary)).GetProperty("detail").GetString());
        }
        using (var roster = await http.GetAsync("/api/agents/x-a3")) Assert.Equal(HttpStatusCode.NotFound, roster.StatusCode);
        Assert.Equal(0, (await Json(await http.GetAsync("/api/agents/x-a3/evaluations"))).GetArrayLength());

        // Re-ingesting an old export, or the roster entry, does not bring the agent back.
        using var resend = await http.PostAsync("/api/interactions", Ndjson(
            """{"interactionId":"x-i-new","channel":"chat","agentId":"x-a3","teamId":"x-t3","queue":"q","startedAt":"2026-01-20T10:00:00Z","handleSeconds":60}"""));
        Assert.Equal(HttpStatusCode.UnprocessableContent, resend.StatusCode);
        Assert.Contains("agentId: the personal data of agent 'x-a3' was erased on", (await Json(resend)).GetProperty("detail").GetString());
        using (var put = await http.PutAsync("/api/agents/x-a3", new StringContent("""{"teamId":"x-t3","hiredAt":"2025-06-01T00:00:00Z","displayName":"Kari Nordmann"}""", Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        await app.StopAsync();
    }

    [Fact]
    public async Task The_comment_policy_masks_personal_data_and_the_batch_answer_says_which_records_were_redacted()
    {
        var (app, http) = await Start(new SettableClock(T1), "--Retention:Comments=redact-patterns");
        await using var _ = app;
        await Recomputation.PutScorecard(http, new ScorecardVersion("sc", 1, RandomFacts.Start.AddYears(-1), new RandomFacts(1, 1).Scorecard));
        var body = string.Join('\n',
            """{"evaluationId":"c-e1","interactionId":"c-i1","agentId":"c-a1","evaluatorId":"ev","scorecardId":"sc","kind":"regular","evaluatedAt":"2026-01-10T10:00:00Z","answers":{"greet":"yes","verify":"yes","summary":"no","upsell":"na"},"comment":"Customer asked to be mailed at ola@example.no or called on +47 912 34 567"}""",
            """{"evaluationId":"c-e2","interactionId":"c-i2","agentId":"c-a1","evaluatorId":"ev","scorecardId":"sc","kind":"regular","evaluatedAt":"2026-01-10T11:00:00Z","answers":{"greet":"yes","verify":"yes","summary":"yes","upsell":"na"},"comment":"Friendly, summarised well"}""");
        using var response = await http.PostAsync("/api/evaluations", Ndjson(body));
        var answer = await Json(response);
        Assert.Equal(2, answer.GetProperty("accepted").GetInt64());
        var redacted = Assert.Single(answer.GetProperty("redacted").EnumerateArray());
        Assert.Equal(0, redacted.GetProperty("position").GetInt32());
        Assert.Equal("c-e1", redacted.GetProperty("id").GetString());
        Assert.Equal("comment", redacted.GetProperty("field").GetString());
        Assert.Equal(["email", "phone"], redacted.GetProperty("removed").EnumerateArray().Select(k => k.GetString()));

        var stored = await http.GetStringAsync("/api/agents/c-a1/evaluations");
        Assert.Contains("Customer asked to be mailed at [email] or called on [phone]", stored);
        Assert.DoesNotContain("ola@example.no", stored);
        // The same body again: recognised as duplicates, because redaction is deterministic.
        using var resent = await http.PostAsync("/api/evaluations", Ndjson(body));
        Assert.Equal(2, (await Json(resent)).GetProperty("duplicates").GetInt64());
        await app.StopAsync();
    }

    [Fact]
    public async Task A_retention_run_without_a_configured_horizon_is_refused_with_the_key_to_set()
    {
        var (app, http) = await Start(new SettableClock(T1));
        await using var _ = app;
        using var run = await http.PostAsync("/api/admin/retention/run", null);
        Assert.Equal(HttpStatusCode.Conflict, run.StatusCode);
        Assert.Contains("Retention:RawFactMonths is not set", (await Json(run)).GetProperty("detail").GetString());
        await app.StopAsync();
    }
}
