using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Periods;

namespace QmInsights.Grains.Interfaces;

/// <summary>Real-time quality aggregates of an agent or a team, kept by UTC day and channel.</summary>
public interface IQualityAggregateGrain
{
    /// <summary>Adds pre-aggregated changes (signed: retractions subtract), each batch once.</summary>
    Task Apply(List<BatchChange<TallyMap<TallyBucket, QualityTally>>> changes);

    /// <summary>Rebuilds the tallies from the fact store (recovery, when a batch's changes may have been lost).</summary>
    Task Refresh();

    /// <summary>Totals, by channel and a trend for the days from <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    Task<QualityFigures> GetSummary(DateOnly? from, DateOnly? to, TrendPeriod period);

    /// <summary>The day-and-channel tallies from <paramref name="from"/> to <paramref name="to"/> (inclusive), to be
    /// added up with other teams' (the whole centre's figures).</summary>
    Task<TallyMap<TallyBucket, QualityTally>> GetTallies(DateOnly? from, DateOnly? to);
}
