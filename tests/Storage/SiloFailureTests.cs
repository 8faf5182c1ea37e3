using System.Text.Json;
using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Ingestion;
using QmInsights.Domain.Scorecards;
using QmInsights.Silo.Api;
using QmInsights.Silo.Bench;
using QmInsights.Tests.Aggregates;
using QmInsights.Tests.Api;

namespace QmInsights.Tests.Storage;

/// <summary>The topology of docker-compose.yml and docker-compose.azure.yml (a store and two silo replicas with the same
/// configuration keys), run as plain processes, against every durable store (a subclass per store).</summary>
public abstract class SiloFailureTests
{
    /// <summary>Configuration keys of a fresh, empty store of its own.</summary>
    protected abstract Task<string[]> NewStorage(string name);

    private static string[] Settings(string[] storage) =>
    [
        .. storage,
        // Detect the dead silo and give up on calls to it within seconds rather than the production defaults.
        "--Orleans:Membership:ProbeTimeout=00:00:01",
        "--Orleans:Membership:NumMissedProbesLimit=2",
        "--Orleans:Membership:NumVotesForDeathDeclaration=1",
        "--Orleans:Messaging:ResponseTimeout=00:00:05",
        "--Storage:RecoveryIntervalSeconds=1",
        "--Storage:RecoveryGraceSeconds=3",
    ];

    [Fact]
    public async Task Killing_a_silo_mid_ingest_loses_nothing_and_counts_nothing_twice()
    {
        var storage = await NewStorage("failover");
        const string prefix = "k-";
        var facts = new RandomFacts(seed: 33, interactions: 2500, prefix);
        var version = new ScorecardVersion("sc", 1, RandomFacts.Start.AddYears(-1), facts.Scorecard);
        var submissions = facts.ShuffledSubmissions(seed: 8);
        var chunks = submissions.Chunk(150).ToList();

        await using var doomed = await SiloProcess.Start(Settings(storage));
        await using var survivor = await SiloProcess.Start(Settings(storage));

        await Recomputation.PutScorecard(doomed.Http, version);

        // Two clients, one per silo, each sending every other chunk; the first silo is killed a third of the way in.
        // A chunk that was not acknowledged is sent again through the survivor until it is.
        var killAt = chunks.Count / 3;
        var sent = 0;
        var failures = 0;
        async Task Send(object[] chunk, SiloProcess preferred)
        {
            var target = preferred;
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    var (_, _, rejected) = await FactPoster.Post(target.Http, chunk);
                    Assert.Empty(rejected);
                    return;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && attempt < 40)
                {
                    Interlocked.Increment(ref failures);
                    target = survivor;
                    await Task.Delay(500);
                }
            }
        }
        for (var i = 0; i < chunks.Count; i += 2)
        {
            var pair = new List<Task> { Send(chunks[i], doomed) };
            if (i + 1 < chunks.Count) pair.Add(Send(chunks[i + 1], survivor));
            if (Interlocked.Add(ref sent, pair.Count) >= killAt && killAt > 0)
            {
                killAt = 0;
                await Task.Delay(20); // let the doomed silo get into the middle of its chunk
                doomed.Kill();
            }
            await Task.WhenAll(pair);
        }
        Assert.True(failures > 0, "the kill should have cost at least one unacknowledged request");

        // Every acknowledged fact is in; aggregates that missed changes from the dead silo rebuild from the facts.
        await Eventually(() => Recomputation.AssertSummariesMatch(survivor.Http, facts, version, prefix), TimeSpan.FromSeconds(60));
    }

    private static async Task Eventually(Func<Task> check, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            try
            {
                await check();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(1000);
            }
        }
    }

}
