using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Ingestion;
using QmInsights.Domain.Scorecards;
using QmInsights.Silo.Api;
using QmInsights.Silo.Hosting;
using QmInsights.Tests.Aggregates;
using QmInsights.Tests.Api;

namespace QmInsights.Tests.Storage;

/// <summary>Facts as the system of record, run against every durable store (a subclass per store).</summary>
public abstract class DurableIngestTests
{
    /// <summary>Configuration keys of a fresh, empty store of its own.</summary>
    protected abstract Task<string[]> NewStorage(string name);

    internal static Task<(WebApplication App, HttpClient Http)> StartSilo(string connectionString) =>
        StartSilo(["--Storage:Provider=Postgres", $"--ConnectionStrings:Postgres={connectionString}"]);

    internal static async Task<(WebApplication App, HttpClient Http)> StartSilo(string[] storage)
    {
        var app = QmHost.Build([.. FreePorts.LocalHostArgs(), .. storage]);
        await app.StartAsync();
        return (app, new HttpClient { BaseAddress = new Uri(app.Urls.First()) });
    }

    internal static async Task Stop(WebApplication app, HttpClient http)
    {
        http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Facts_are_stored_and_a_restarted_cluster_rebuilds_every_aggregate_from_them()
    {
        var storage = await NewStorage("restart");
        const string prefix = "r-";
        var facts = new RandomFacts(seed: 21, interactions: 1500, prefix);
        var version = new ScorecardVersion("sc", 1, RandomFacts.Start.AddYears(-1), facts.Scorecard);
        var submissions = facts.ShuffledSubmissions(seed: 5);

        var (app, http) = await StartSilo(storage);
        await Recomputation.PutScorecard(http, version);
        var rejected = new List<string>();
        foreach (var chunk in submissions.Chunk(400)) rejected.AddRange((await FactPoster.Post(http, chunk)).Rejected);
        Assert.Empty(rejected);
        await Recomputation.AssertSummariesMatch(http, facts, version, prefix);
        await Stop(app, http);

        // A whole new cluster on the same database: shards and aggregates start empty and rebuild from the facts.
        (app, http) = await StartSilo(storage);
        await Recomputation.AssertSummariesMatch(http, facts, version, prefix);
        // Resending everything after the restart is acknowledged without counting anything twice.
        var (accepted, duplicates, _) = await FactPoster.Post(http, submissions.Take(500).ToList());
        Assert.Equal(0, accepted);
        Assert.Equal(500, duplicates);
        await Recomputation.AssertSummariesMatch(http, facts, version, prefix);
        await Stop(app, http);
    }

    [Fact]
    public async Task A_rebuild_after_a_corrected_scorecard_version_rescores_every_evaluation_and_aggregate()
    {
        var storage = await NewStorage("rebuild");
        const string prefix = "b-";
        var facts = new RandomFacts(seed: 4, interactions: 800, prefix);
        var original = new ScorecardVersion("sc", 1, RandomFacts.Start.AddYears(-1), facts.Scorecard);
        var (app, http) = await StartSilo(storage);
        await Recomputation.PutScorecard(http, original);
        var all = facts.Interactions.Cast<object>().Concat(facts.Surveys).Concat(facts.Evaluations).ToList();
        foreach (var chunk in all.Chunk(500)) Assert.Empty((await FactPoster.Post(http, chunk)).Rejected);
        await Recomputation.AssertSummariesMatch(http, facts, original, prefix);

        // The greeting was worth too little: a corrected version, in force from before the first evaluation.
        var fixedDefinition = facts.Scorecard with
        {
            Sections = [facts.Scorecard.Sections[0] with { Items = [facts.Scorecard.Sections[0].Items[0] with { Points = 6 }, facts.Scorecard.Sections[0].Items[1]] },
                facts.Scorecard.Sections[1]],
        };
        var corrected = new ScorecardVersion("sc", 2, RandomFacts.Start.AddMonths(-6), fixedDefinition);
        await Recomputation.PutScorecard(http, corrected);
        using var response = await http.PostAsync("/api/admin/rebuild", null);
        var progress = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, progress);
        Assert.Contains("changed", progress);
        Assert.EndsWith("rebuild complete\n", progress);

        await Recomputation.AssertSummariesMatch(http, facts, corrected, prefix);
        await Stop(app, http);
    }
}
