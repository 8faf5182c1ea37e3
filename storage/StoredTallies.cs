using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Joins;
using QmInsights.Domain.Periods;

namespace QmInsights.Storage;

/// <summary>One agent's or team's tallies by day and channel as the stored facts (and the tallies retired rows left
/// behind) give them, with every batch the read included: the aggregate applies a later message of one of those
/// batches no more. The batch set may be shared between aggregates read together, so it is never changed.</summary>
public sealed record StoredTallies(TallyMap<TallyBucket, QualityTally> Tallies, IReadOnlySet<long> Batches)
{
    /// <summary>The tallies of <paramref name="owner"/> <paramref name="id"/> from the rows it takes part in, each record on
    /// its day in <paramref name="calendar"/>: the brute-force way, joining whole rows as <see cref="JoinContribution"/> does.</summary>
    public static StoredTallies Of(TallyOwner owner, string id, StoredRows stored, CentreCalendar calendar)
    {
        var changes = JoinContribution.Of(stored.Rows.Values, stored.Retired, calendar);
        var mine = (owner == TallyOwner.Agent ? changes.Agents : changes.Teams).GetValueOrDefault(id);
        return new StoredTallies(mine ?? new TallyMap<TallyBucket, QualityTally>(), stored.Batches);
    }
}
