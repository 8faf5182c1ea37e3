using QmInsights.Domain.Forecasting;
using QmInsights.Grains.Interfaces;
using QmInsights.Grains.Reports;
using QmInsights.Reports.Pack;

namespace QmInsights.Tests.Reports;

public sealed class PackForecastCacheTests
{
    private static readonly Guid Activation = Guid.NewGuid();

    private static PackForecastCache.Version Version(long change, params PeakPeriod[] peaks) =>
        new([new ShardVersion(Activation, change), new ShardVersion(Activation, 7)], peaks);

    private static readonly PeakForecast Outlook = new("billing", "call", 1200, new DateOnly(2025, 11, 1), new DateOnly(2025, 11, 14),
        new DateOnly(2025, 11, 3), false, 0.8, 20, 0.3, [], 7, 8.7, 0.1, 0.2, 0.05, 0.09);

    [Fact]
    public void An_outlook_is_found_only_at_the_version_it_was_kept_at()
    {
        var cache = new PackForecastCache();
        var october = new PackMonth(2025, 10);
        Assert.Null(cache.Find(october, Version(3)));
        cache.Keep(october, Version(3), Outlook);
        Assert.Same(Outlook, cache.Find(october, Version(3))!.Forecast);
        // Another month, a shard changed, another activation, a declared peak: not found.
        Assert.Null(cache.Find(new PackMonth(2025, 9), Version(3)));
        Assert.Null(cache.Find(october, Version(4)));
        Assert.Null(cache.Find(october, new PackForecastCache.Version([new ShardVersion(Guid.NewGuid(), 3), new ShardVersion(Activation, 7)], [])));
        var campaign = new PeakPeriod("c", "campaign", new DateOnly(2025, 11, 10), new DateOnly(2025, 11, 11), PeakKind.Campaign, null, "billing");
        Assert.Null(cache.Find(october, Version(3, campaign)));
        // A month with nothing to forecast is kept as such.
        cache.Keep(october, Version(5, campaign), null);
        Assert.NotNull(cache.Find(october, Version(5, campaign)));
        Assert.Null(cache.Find(october, Version(5, campaign))!.Forecast);
    }

    [Fact]
    public void Beyond_its_size_the_oldest_month_is_dropped()
    {
        var cache = new PackForecastCache();
        var first = new PackMonth(2024, 1);
        for (var m = 0; m <= PackForecastCache.Months; m++) cache.Keep(PackMonth.Of(first.First.AddMonths(m)), Version(1), Outlook);
        Assert.Null(cache.Find(first, Version(1)));
        Assert.NotNull(cache.Find(PackMonth.Of(first.First.AddMonths(1)), Version(1)));
        Assert.NotNull(cache.Find(PackMonth.Of(first.First.AddMonths(PackForecastCache.Months)), Version(1)));
    }
}
