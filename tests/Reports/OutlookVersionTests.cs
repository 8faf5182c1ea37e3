using QmInsights.Domain.Forecasting;
using QmInsights.Grains.Interfaces;
using QmInsights.Grains.Reports;

namespace QmInsights.Tests.Reports;

public sealed class OutlookVersionTests
{
    private static readonly Guid Activation = Guid.NewGuid();

    private static OutlookVersion Version(long change, params PeakPeriod[] peaks) =>
        new([new ShardVersion(Activation, change), new ShardVersion(Activation, 7)], peaks);

    [Fact]
    public void Versions_are_equal_only_with_the_same_shard_versions_and_declared_peaks()
    {
        Assert.Equal(Version(3), Version(3));
        Assert.Equal(Version(3).GetHashCode(), Version(3).GetHashCode());
        // A shard changed, another activation, a declared peak: another version.
        Assert.NotEqual(Version(3), Version(4));
        Assert.NotEqual(Version(3), new OutlookVersion([new ShardVersion(Guid.NewGuid(), 3), new ShardVersion(Activation, 7)], []));
        var campaign = new PeakPeriod("c", "campaign", new DateOnly(2025, 11, 10), new DateOnly(2025, 11, 11), PeakKind.Campaign, null, "billing");
        Assert.NotEqual(Version(3), Version(3, campaign));
        Assert.Equal(Version(3, campaign), Version(3, campaign));
    }
}
