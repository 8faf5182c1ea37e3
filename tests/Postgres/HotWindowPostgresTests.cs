using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Forecasting;
using QmInsights.Domain.Queues;
using QmInsights.Domain.Retention;
using QmInsights.Domain.Scorecards;
using QmInsights.Grains.Interfaces;
using QmInsights.Silo.Hosting;
using QmInsights.Storage;
using QmInsights.Tests.Aggregates;
using QmInsights.Tests.Api;
using QmInsights.Tests.Retention;
using QmInsights.Tests.Storage;

namespace QmInsights.Tests.Postgres;

/// <summary>Hot and cold facts on PostgreSQL: a restarted silo with <c>Storage:HotMonths=1</c> holds only the current
/// month's contacts, yet answers every shard query for older months exactly as the silo that held everything, and a
/// late fact of an old contact joins its stored row.</summary>
public sealed class HotWindowPostgresTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    // The random facts run from 5 January to mid-March 2026: with one hot month, January and February are cold.
    private static readonly DateTimeOffset Now = new(2026, 3, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset March = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static async Task<(WebApplication App, HttpClient Http, IGrainFactory Grains)> Start(string db)
    {
        var app = QmHost.Build([.. FreePorts.LocalHostArgs(), "--Storage:Provider=Postgres", $"--ConnectionStrings:Postgres={db}",
            "--Storage:HotMonths=1", "--Centre:TimeZone=Europe/Oslo"], b => b.Services.AddKeyedSingleton<TimeProvider>(RetentionOptions.ClockKey, new SettableClock(Now)));
        await app.StartAsync();
        return (app, new HttpClient { BaseAddress = new Uri(app.Urls.First()) }, app.Services.GetRequiredService<IGrainFactory>());
    }

    // Every shard's answers to the range queries, in a form that compares exactly (times with offsets, doubles in full).
    private static async Task<Dictionary<string, string>> Answers(IGrainFactory grains)
    {
        var (january, february) = ((new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)), (new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)));
        var answers = new Dictionary<string, string>();
        for (var s = 0; s < Shards.Count; s++)
        {
            var shard = grains.GetGrain<IInteractionShardGrain>(s);
            answers[$"{s} evaluated january"] = Each(await shard.GetEvaluatedContacts(january.Item1, january.Item2, null, null, null));
            answers[$"{s} evaluated open"] = Each(await shard.GetEvaluatedContacts(null, null, null, null, null));
            answers[$"{s} unevaluated february"] = Json((await shard.GetUnevaluated(february.Item1, february.Item2, null)).OrderBy(c => c.InteractionId));
            answers[$"{s} queue january to march"] = Json((await shard.GetQueueTallies(null, january.Item1, new DateOnly(2026, 3, 31), true,
                new QueueThresholds(20, 5))).OrderBy(t => t.Key.Start).Select(t => new { t.Key.Queue, t.Key.Start, t.Value }));
            answers[$"{s} intervals"] = Json(await shard.GetIntervalTallies(null, null, DateTime.MinValue,
                new DateTime(2026, 2, 15, 0, 0, 0, DateTimeKind.Utc), IntervalLength.Hour));
            answers[$"{s} evaluations of a1"] = Json((await shard.GetEvaluationsOf("h-a1")).OrderBy(e => e.Current.Evaluation.EvaluationId));
        }
        return answers;
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    // Order within a shard's answer is not part of the contract: compare the sorted elements.
    private static string Each<T>(IEnumerable<T> values) => string.Join("\n", values.Select(Json).Order(StringComparer.Ordinal));

    [Fact]
    public async Task A_restart_with_one_hot_month_holds_only_that_month_and_answers_older_months_from_the_store()
    {
        var db = await server.CreateDatabase("hotwindow");
        var facts = new RandomFacts(seed: 23, interactions: 900, "h-");
        var (app, http, grains) = await Start(db);
        await Recomputation.PutScorecard(http, new ScorecardVersion("sc", 1, RandomFacts.Start.AddYears(-1), facts.Scorecard));
        foreach (var chunk in facts.Interactions.Cast<object>().Concat(facts.Surveys).Concat(facts.Evaluations).ToList().Chunk(500))
            Assert.Empty((await FactPoster.Post(http, chunk)).Rejected);
        var everything = await Answers(grains);
        await DurableIngestTests.Stop(app, http);

        (app, http, grains) = await Start(db);
        var resident = 0;
        for (var s = 0; s < Shards.Count; s++) resident += await grains.GetGrain<IInteractionShardGrain>(s).GetResidentCount();
        Assert.Equal(facts.Interactions.Count(i => i.StartedAt >= March), resident);
        Assert.InRange(resident, 50, facts.Interactions.Count / 2);
        var afterRestart = await Answers(grains);
        foreach (var (query, answer) in everything) Assert.True(answer == afterRestart[query], query);

        // A late evaluation of a January contact joins its stored row (its team and channel), an old contact sent again is a duplicate.
        var old = facts.Interactions.First(i => i.StartedAt < March.AddMonths(-1) && i.IsHandled && facts.Evaluations.All(e => e.InteractionId != i.InteractionId));
        var late = facts.Evaluations[0] with { EvaluationId = "h-late", InteractionId = old.InteractionId, AgentId = old.AgentId!, EvaluatedAt = Now.AddDays(-1), Revision = 1 };
        var posted = await FactPoster.Post(http, [late, old]);
        Assert.Equal((1, 1), (posted.Accepted, posted.Duplicates));
        var shard = grains.GetGrain<IInteractionShardGrain>(Shards.Of(old.InteractionId));
        var joined = Assert.Single(await shard.GetEvaluatedContacts(null, null, null, null, null), c => c.EvaluatedAt == late.EvaluatedAt);
        Assert.Equal((old.InteractionId, old.TeamId, old.Channel), (joined.InteractionId, joined.TeamId, joined.Channel));
        await DurableIngestTests.Stop(app, http);
    }
}
