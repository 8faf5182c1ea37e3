using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Periods;

namespace QmInsights.Grains.Interfaces;

/// <summary>Real-time quality aggregates of an agent or a team, kept by UTC day and channel.</summary>
public interface IQualityAggregateGrain
{
    /// <summary>Adds pre-aggregated changes (signed: retractions subtract), each batch once.</summary>
    Task Apply(List<BatchChange<TallyMap<TallyBucket, QualityTally>>> changes);

    /// <summary>Rebuilds the tallies from the fact store (recovery, when a batch's changes may have been lost).</summary>
    Task Refresh();

    /// <summary>Drops every tally dated outside <paramref name="earliest"/>..<paramref name="latest"/> (repair of implausible
    /// dates; with a durable store it rebuilds from the repaired facts instead).</summary>
    Task DropOutside(DateOnly earliest, DateOnly latest);

    /// <summary>Totals, by channel and a trend for the days from <paramref name="from"/> to <paramref name="to"/> (inclusive),
    /// over one channel's contacts when <paramref name="channel"/> is given.</summary>
    Task<QualityFigures> GetSummary(DateOnly? from, DateOnly? to, TrendPeriod period, Channel? channel = null);

    /// <summary>The tallies of those days summed by period start and channel, for adding aggregates together.</summary>
    Task<TallyMap<TallyBucket, QualityTally>> GetCondensed(DateOnly? from, DateOnly? to, TrendPeriod period, Channel? channel);
}
