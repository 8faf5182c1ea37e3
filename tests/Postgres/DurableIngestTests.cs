using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Ingestion;
using QmInsights.Domain.Scorecards;
using QmInsights.Silo.Api;
using QmInsights.Silo.Hosting;
using QmInsights.Tests.Aggregates;
using QmInsights.Tests.Api;

namespace QmInsights.Tests.Postgres;

public sealed class DurableIngestTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static async Task<(WebApplication App, HttpClient Http)> StartSilo(string connectionString)
    {
        var app = QmHost.Build([.. FreePorts.LocalHostArgs(), "--Storage:Provider=Postgres", $"--ConnectionStrings:Postgres={connectionString}"]);
        await app.StartAsync();
        return (app, new HttpClient { BaseAddress = new Uri(app.Urls.First()) });
    }

    private static async Task Stop(WebApplication app, HttpClient http)
    {
        http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Facts_are_stored_and_a_restarted_cluster_rebuilds_every_aggregate_from_them()
    {
        var connectionString = await server.CreateDatabase("restart");
        const string prefix = "r-";
        var facts = new RandomFacts(seed: 21, interactions: 1500, prefix);
        var version = new ScorecardVersion("sc", 1, RandomFacts.Start.AddYears(-1), facts.Scorecard);
        var random = new Random(5);
        var submissions = facts.Interactions.Cast<object>().Concat(facts.Surveys).Concat(facts.Evaluations).ToList();
        submissions.AddRange(submissions.Where(_ => random.NextDouble() < 0.1).ToList());
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(submissions));

        var (app, http) = await StartSilo(connectionString);
        await Recomputation.PutScorecard(http, version);
        var rejected = new List<string>();
        foreach (var chunk in submissions.Chunk(400)) rejected.AddRange((await FactPoster.Post(http, chunk)).Rejected);
        Assert.Empty(rejected);
        await Recomputation.AssertSummariesMatch(http, facts, version, prefix);
        await Stop(app, http);

        // A whole new cluster on the same database: shards and aggregates start empty and rebuild from the facts.
        (app, http) = await StartSilo(connectionString);
        await Recomputation.AssertSummariesMatch(http, facts, version, prefix);
        // Resending everything after the restart is acknowledged without counting anything twice.
        var (accepted, duplicates, _) = await FactPoster.Post(http, submissions.Take(500).ToList());
        Assert.Equal(0, accepted);
        Assert.Equal(500, duplicates);
        await Recomputation.AssertSummariesMatch(http, facts, version, prefix);
        await Stop(app, http);
    }
}
