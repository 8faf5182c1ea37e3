using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Live;
using QmInsights.Domain.Periods;
using QmInsights.Grains.Live;

namespace QmInsights.Tests.Live;

public sealed class TeamCondensationsTests
{
    private static readonly SummaryRange Month = new(null, null, TrendPeriod.Month, null);
    private static readonly TeamPart Part = new(new TallyMap<TallyBucket, QualityTally>(),
        SummaryBuilder.Build(new TallyMap<TallyBucket, QualityTally>(), null, null, TrendPeriod.Month));

    private static ChangesSince Teams(long version, params string[] teams) => new(version, new DataChange([], teams, []), Reload: false);

    [Fact]
    public void A_change_forgets_only_the_teams_it_names_and_every_centre_summary()
    {
        var kept = new TeamCondensations();
        kept.Apply(new ChangesSince(10, DataChange.Empty, Reload: true));
        kept.Keep(Month, "t1", Part, 10);
        kept.Keep(Month, "t2", Part, 10);
        var summary = new CentreSummary(Part.Totals, []);
        kept.KeepSummary(Month, ["t1", "t2"], summary, 10);
        Assert.Same(summary, kept.FindSummary(Month, ["t1", "t2"]));
        Assert.Null(kept.FindSummary(Month, ["t1", "t2", "t3"]));

        kept.Apply(null);
        Assert.Same(summary, kept.FindSummary(Month, ["t1", "t2"]));
        kept.Apply(Teams(11, "t2"));
        Assert.Equal(11, kept.Version);
        Assert.Same(Part, kept.Find(Month, "t1"));
        Assert.Null(kept.Find(Month, "t2"));
        Assert.Null(kept.FindSummary(Month, ["t1", "t2"]));
    }

    [Fact]
    public void A_part_read_before_a_later_sync_is_not_kept_and_an_older_change_is_not_applied_twice()
    {
        var kept = new TeamCondensations();
        kept.Apply(Teams(5));
        var readAt = kept.Version;
        kept.Apply(Teams(6, "t1"));
        // Read at 5: it may predate the change to t1 at 6, so it must not be kept.
        kept.Keep(Month, "t1", Part, readAt);
        Assert.Null(kept.Find(Month, "t1"));

        kept.Keep(Month, "t1", Part, kept.Version);
        // A concurrent request's sync from 5 to 6 arriving late changes nothing.
        kept.Apply(Teams(6, "t1"));
        Assert.Same(Part, kept.Find(Month, "t1"));
    }

    [Fact]
    public void A_reload_forgets_every_team()
    {
        var kept = new TeamCondensations();
        kept.Apply(Teams(1));
        kept.Keep(Month, "t1", Part, 1);
        kept.Apply(new ChangesSince(1_000_000, DataChange.Empty, Reload: true));
        Assert.Null(kept.Find(Month, "t1"));
        Assert.Equal(1_000_000, kept.Version);
    }
}
