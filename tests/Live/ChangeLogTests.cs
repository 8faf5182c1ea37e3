using QmInsights.Domain.Live;

namespace QmInsights.Tests.Live;

public sealed class ChangeLogTests
{
    private static DataChange Agents(params string[] ids) => new(ids, [], []);

    [Fact]
    public void A_reader_gets_everything_since_its_version_in_one_change_with_ids_once()
    {
        var log = new ChangeLog();
        var start = log.Version;
        log.Append(Agents("a2", "a1"));
        log.Append(new DataChange(["a1"], ["t1"], []));
        var third = log.Append(new DataChange([], ["t2"], ["core"]));

        var since = log.Since(start)!;
        Assert.False(since.Reload);
        Assert.Equal(third, since.Version);
        Assert.Equal(["a1", "a2"], since.Change.Agents);
        Assert.Equal(["t1", "t2"], since.Change.Teams);
        Assert.Equal(["core"], since.Change.Scorecards);

        Assert.Equal(["t2"], log.Since(third - 1)!.Change.Teams);
        Assert.Empty(log.Since(third - 1)!.Change.Agents);
    }

    [Fact]
    public void Nothing_new_is_null_and_an_empty_change_is_not_recorded()
    {
        var log = new ChangeLog();
        var version = log.Append(Agents("a1"));
        Assert.Equal(version, log.Append(DataChange.Empty));
        Assert.Null(log.Since(version));
    }

    [Fact]
    public void A_reader_older_than_the_kept_entries_or_from_an_earlier_life_is_told_to_reload()
    {
        var log = new ChangeLog(capacity: 3);
        for (var i = 0; i < 10; i++) log.Append(Agents($"a{i}"));

        var stale = log.Since(2)!;
        Assert.True(stale.Reload);
        Assert.Equal(10, stale.Version);
        // The oldest kept entry is 8, so a reader at 7 can still be told exactly.
        var recent = log.Since(7)!;
        Assert.False(recent.Reload);
        Assert.Equal(["a7", "a8", "a9"], recent.Change.Agents);

        // A restarted log starts again at 0: a reader ahead of it cannot trust anything it holds.
        Assert.True(log.Since(25)!.Reload);
    }

    [Fact]
    public void A_log_that_starts_above_its_earlier_life_sends_that_lifes_readers_to_reload_even_after_many_changes()
    {
        var earlier = new ChangeLog();
        for (var i = 0; i < 5; i++) earlier.Append(Agents($"a{i}"));
        var reader = earlier.Version;

        var restarted = new ChangeLog(start: 1_000);
        Assert.Equal(restarted.Start, restarted.Version);
        Assert.Null(restarted.Since(restarted.Version));
        for (var i = 0; i < 10; i++) restarted.Append(Agents($"b{i}"));
        Assert.True(restarted.Since(reader)!.Reload);
        // A reader of the new life from before its first change is told exactly.
        var exact = restarted.Since(1_000)!;
        Assert.False(exact.Reload);
        Assert.Equal(10, exact.Change.Agents.Count);
    }
}
