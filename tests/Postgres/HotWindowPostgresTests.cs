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

    [Fact]
    public async Task A_single_contact_older_than_the_window_is_still_found_after_a_restart_and_a_shard_without_one_keeps_its_new_rows()
    {
        // Each shard checks at activation whether the store holds any contact older than its window, and only then looks
        // ids up in the store: the check must find one old contact, and a shard that had none must still judge an old
        // contact sent twice after the restart.
        var db = await server.CreateDatabase("coldcheck");
        static string IdIn(Func<int, bool> shard, string prefix) =>
            Enumerable.Range(0, 1000).Select(n => $"{prefix}-{n}").First(id => shard(Shards.Of(id)));
        var oldId = IdIn(_ => true, "cold");
        var recentId = IdIn(s => s != Shards.Of(oldId), "warm");
        var lateId = IdIn(s => s == Shards.Of(recentId), "late");
        Interaction Contact(string id, DateTimeOffset started) => new(id, Channel.Call, "c-a1", "c-t1", "billing", started, 240, 20, 5, true);
        var old = Contact(oldId, March.AddMonths(-2));
        var recent = Contact(recentId, March.AddDays(3));

        var (app, http, grains) = await Start(db);
        Assert.Equal((2, 0), await Counts(http, [old, recent]));
        await DurableIngestTests.Stop(app, http);

        (app, http, grains) = await Start(db);
        Assert.Equal(0, await grains.GetGrain<IInteractionShardGrain>(Shards.Of(oldId)).GetResidentCount());
        Assert.Equal((0, 2), await Counts(http, [old, recent]));
        // A late survey of the old contact joins its stored row.
        var survey = new Survey(oldId, Now.AddDays(-1), 5, 10);
        Assert.Equal((1, 0), await Counts(http, [survey]));
        var row = await grains.GetGrain<IInteractionShardGrain>(Shards.Of(oldId)).GetInteraction(oldId);
        Assert.Equal((old, survey), (row!.Interaction, row.Survey));
        // The recent contact's shard held nothing older: an old contact it accepts now is resident, and sent again a duplicate.
        var late = Contact(lateId, March.AddMonths(-2));
        Assert.Equal((1, 0), await Counts(http, [late]));
        Assert.Equal((0, 1), await Counts(http, [late]));
        await DurableIngestTests.Stop(app, http);
    }

    private static async Task<(long Accepted, long Duplicates)> Counts(HttpClient http, IReadOnlyList<object> facts)
    {
        var posted = await FactPoster.Post(http, facts);
        Assert.Empty(posted.Rejected);
        return (posted.Accepted, posted.Duplicates);
    }
}
