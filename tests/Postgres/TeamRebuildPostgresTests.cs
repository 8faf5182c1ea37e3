using Microsoft.Extensions.DependencyInjection;
using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Joins;
using QmInsights.Domain.Periods;
using QmInsights.Grains.Interfaces;
using QmInsights.Grains.Storage;
using QmInsights.Silo.Hosting;
using QmInsights.Storage;

namespace QmInsights.Tests.Postgres;

/// <summary>A team grain rebuilds from the sums PostgreSQL gives: a batch committed before a crash counts once whether
/// the rebuild, a late message or the outbox recovery brings it, and one committed after the rebuild counts by its message.</summary>
public sealed class TeamRebuildPostgresTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static readonly DateTimeOffset Day = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_batch_committed_before_a_crash_counts_once_however_it_reaches_the_team()
    {
        var app = QmHost.Build([.. FreePorts.LocalHostArgs(), "--Storage:Provider=Postgres",
            $"--ConnectionStrings:Postgres={await server.CreateDatabase("team_rebuild")}"]);
        await app.StartAsync();
        try
        {
            var facts = app.Services.GetRequiredService<IFactStore>();
            var team = app.Services.GetRequiredService<IGrainFactory>().GetGrain<ITeamGrain>("tm-x");
            async Task<long> Interactions() => (await team.GetSummary(null, null, TrendPeriod.Week)).Interactions;

            // Committed, but the silo died before telling the team: no message came, the outbox row is pending.
            var crashedChange = await Commit(facts, "i-1", "i-2", "i-3");
            Assert.Equal(3, await Interactions());
            // The message arrives after all (a retry), then recovery refreshes the team: still once.
            await team.Apply([crashedChange]);
            Assert.Equal(3, await Interactions());
            Assert.Equal(1, await app.Services.GetRequiredService<OutboxRecovery>().RunOnce(TimeSpan.Zero));
            Assert.Equal(3, await Interactions());
            Assert.Empty(await facts.Pending(TimeSpan.Zero));

            // A batch committed after the rebuild counts through its message, once however often it comes, and a new
            // rebuild agrees.
            var laterChange = await Commit(facts, "i-4", "i-5");
            await team.Apply([laterChange]);
            await team.Apply([laterChange]);
            Assert.Equal(5, await Interactions());
            await team.Refresh();
            Assert.Equal(5, await Interactions());
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Commits contacts of team tm-x straight to the store (as a shard does) and returns the message the ingest
    /// path would send the team: its change under the batch id.</summary>
    private static async Task<BatchChange<TallyMap<TallyBucket, QualityTally>>> Commit(IFactStore facts, params string[] ids)
    {
        var contacts = ids.Select(id => new Interaction(id, Channel.Call, "ag-x", "tm-x", "billing", Day, 300, null, null, true)).ToList();
        var batch = (await facts.Commit(Shards.Of(ids[0]), new ShardCommit(contacts, [], [], ["ag-x"], ["tm-x"], [])))!.Value;
        var change = JoinContribution.Of(contacts.Select(c => new InteractionJoin { Interaction = c })).Teams["tm-x"];
        return new BatchChange<TallyMap<TallyBucket, QualityTally>>(batch, change);
    }
}
