using QmInsights.Storage;
using QmInsights.Storage.Postgres;

namespace QmInsights.Tests.Storage;

/// <summary>PostgreSQL's group commit: commits that queue while a transaction is written go together in the next one,
/// each caller gets its own batch id, and a commit that cannot be written fails alone.</summary>
public sealed class GroupCommitTests
{
    private static ShardCommit Empty(string agent) => new([], [], [], [agent], [], []);

    [Fact]
    public async Task Commits_queued_behind_a_transaction_are_written_together_and_each_gets_its_own_id()
    {
        var firstStarted = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        var groups = new List<List<string>>();
        var next = 100L;
        var group = new GroupCommit(async commits =>
        {
            lock (groups) groups.Add(commits.Select(c => c.Commit.Agents.Single()).ToList());
            if (commits[0].Commit.Agents.Single() == "a0")
            {
                firstStarted.SetResult();
                await releaseFirst.Task;
            }
            return commits.Select(_ => Interlocked.Increment(ref next)).ToList();
        });

        var first = group.Commit(0, Empty("a0"));
        await firstStarted.Task;
        var queued = Enumerable.Range(1, 5).Select(i => group.Commit(i, Empty($"a{i}"))).ToList();
        Assert.All(queued, t => Assert.False(t.IsCompleted)); // nobody is told "durable" before the write
        releaseFirst.SetResult();
        var ids = await Task.WhenAll([first, .. queued]);

        Assert.Equal([["a0"], ["a1", "a2", "a3", "a4", "a5"]], groups);
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_commit_that_cannot_be_written_fails_alone_and_the_rest_of_its_group_is_written()
    {
        var gate = new TaskCompletionSource();
        var written = new List<string>();
        var group = new GroupCommit(async commits =>
        {
            await gate.Task;
            if (commits.Any(c => c.Commit.Agents.Single() == "bad")) throw new InvalidOperationException("bad row");
            lock (written) written.AddRange(commits.Select(c => c.Commit.Agents.Single()));
            return commits.Select(c => (long)c.Shard).ToList();
        });

        var blocker = group.Commit(0, Empty("a0"));
        var good = group.Commit(1, Empty("a1"));
        var bad = group.Commit(2, Empty("bad"));
        var alsoGood = group.Commit(3, Empty("a3"));
        gate.SetResult();

        Assert.Equal(0, await blocker);
        Assert.Equal(1, await good);
        Assert.Equal("bad row", (await Assert.ThrowsAsync<InvalidOperationException>(() => bad)).Message);
        Assert.Equal(3, await alsoGood);
        Assert.Equal(["a0", "a1", "a3"], written);
    }
}
