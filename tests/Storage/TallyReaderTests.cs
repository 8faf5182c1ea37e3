using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Facts;
using QmInsights.Grains.Storage;
using QmInsights.Storage;

namespace QmInsights.Tests.Storage;

/// <summary>Agent or team grains rebuilding together share one read of the store, and none gets a read that began before
/// it asked (it could lack a batch the grain applied in an earlier activation).</summary>
public sealed class TallyReaderTests
{
    /// <summary>A store whose reads wait to be let through, numbered in order; read n gives each team n contacts and batch n.</summary>
    private sealed class GatedReads
    {
        private readonly SemaphoreSlim _gate = new(0);
        private readonly SemaphoreSlim _started = new(0);
        public List<string[]> Reads { get; } = [];

        public async Task<Dictionary<string, StoredTallies>> Read(IReadOnlyCollection<string> teams)
        {
            int n;
            lock (Reads)
            {
                Reads.Add([.. teams.Order(StringComparer.Ordinal)]);
                n = Reads.Count;
            }
            _started.Release();
            await _gate.WaitAsync();
            return teams.ToDictionary(t => t, _ =>
            {
                var map = new TallyMap<TallyBucket, QualityTally>();
                map.Add(new TallyBucket(new DateOnly(2026, 3, 2), Channel.Call), new QualityTally { Interactions = n }, 1);
                return new StoredTallies(map, new HashSet<long> { n });
            });
        }

        public Task Started() => _started.WaitAsync(TimeSpan.FromSeconds(10));

        public void Release() => _gate.Release();
    }

    [Fact]
    public async Task Teams_asking_during_a_read_share_the_next_one_and_each_gets_tallies_of_its_own()
    {
        var store = new GatedReads();
        var reader = new TallyReader(store.Read);
        var first = reader.Read("tm-a");
        await store.Started();
        var asked = new[] { reader.Read("tm-b"), reader.Read("tm-c"), reader.Read("tm-b"), reader.Read("tm-a") };
        store.Release();
        await store.Started();
        store.Release();
        var later = await Task.WhenAll(asked);

        Assert.Equal([["tm-a"], ["tm-a", "tm-b", "tm-c"]], store.Reads);
        Assert.Equal([1L], (await first).Batches);
        Assert.All(later, t => Assert.Equal([2L], t.Batches));
        Assert.All(later, t => Assert.Equal(2, Assert.Single(t.Tallies.Buckets).Value.Interactions));
        // The same team twice in one read: two grains must not change one map.
        Assert.NotSame(later[0].Tallies, later[2].Tallies);
    }

    [Fact]
    public async Task A_failed_read_fails_those_who_waited_for_it_and_the_next_ask_reads_again()
    {
        var calls = 0;
        var reader = new TallyReader(teams => ++calls == 1
            ? Task.FromException<Dictionary<string, StoredTallies>>(new InvalidOperationException("store down"))
            : Task.FromResult(teams.ToDictionary(t => t, _ => new StoredTallies(new TallyMap<TallyBucket, QualityTally>(), new HashSet<long>()))));

        Assert.Equal("store down", (await Assert.ThrowsAsync<InvalidOperationException>(() => reader.Read("tm-a"))).Message);
        Assert.True((await reader.Read("tm-a")).Tallies.IsEmpty);
    }
}
