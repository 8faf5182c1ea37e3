using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Joins;
using QmInsights.Domain.Periods;

namespace QmInsights.Domain.Retention;

/// <summary>Interaction rows taken out of the raw facts, and what they still contribute to the aggregates. The
/// contribution is kept (as retired tallies) so every aggregate keeps its totals after the rows are gone.</summary>
/// <remarks>Made and used inside a shard grain (and its fact store), so it never crosses a grain boundary.</remarks>
public sealed class Retirement
{
    public List<string> InteractionIds { get; } = new();
    public AggregateChanges Kept { get; } = new();
    /// <summary>The negated contribution of discarded rows (empty for retired ones).</summary>
    public AggregateChanges Removed { get; } = new();
    public FactCounts Deleted { get; private set; }

    public bool IsEmpty => InteractionIds.Count == 0;

    /// <summary>Retires the rows of <paramref name="rows"/> that <paramref name="retire"/> picks, keeping their
    /// whole contribution (on the days of <paramref name="calendar"/>) except the parts of agents in
    /// <paramref name="forget"/> (an erased agent keeps nothing).</summary>
    public static Retirement Of(IEnumerable<KeyValuePair<string, InteractionJoin>> rows, Func<InteractionJoin, bool> retire,
        string? forget = null, CentreCalendar? calendar = null) => Of(rows, retire, forget, keep: true, calendar);

    /// <summary>Takes the rows <paramref name="discard"/> picks out without keeping anything: their contribution (on the
    /// days of <paramref name="calendar"/>) goes to <see cref="Removed"/> with a minus sign, to be applied to the
    /// aggregates (facts dated implausibly far away).</summary>
    public static Retirement Discard(IEnumerable<KeyValuePair<string, InteractionJoin>> rows, Func<InteractionJoin, bool> discard,
        CentreCalendar? calendar = null) => Of(rows, discard, null, keep: false, calendar);

    private static Retirement Of(IEnumerable<KeyValuePair<string, InteractionJoin>> rows, Func<InteractionJoin, bool> retire,
        string? forget, bool keep, CentreCalendar? calendar)
    {
        var retirement = new Retirement();
        var counts = new FactCounts();
        foreach (var (id, row) in rows)
        {
            if (!retire(row)) continue;
            retirement.InteractionIds.Add(id);
            if (keep) JoinContribution.AddTo(row, retirement.Kept, +1, calendar);
            else JoinContribution.AddTo(row, retirement.Removed, -1, calendar);
            counts = counts.Add(row);
        }
        if (forget is not null) retirement.Kept.Agents.Remove(forget);
        retirement.Kept.Prune();
        retirement.Removed.Prune();
        retirement.Deleted = counts;
        return retirement;
    }
}

/// <summary>How many raw facts were deleted: contacts, surveys and evaluation revisions (replaced ones included).</summary>
[GenerateSerializer, Alias("qm.FactCounts")]
public readonly record struct FactCounts(
    [property: Id(0)] long Interactions,
    [property: Id(1)] long Surveys,
    [property: Id(2)] long Evaluations)
{
    public FactCounts Add(InteractionJoin row) => new(
        Interactions + (row.Interaction is null ? 0 : 1),
        Surveys + (row.Survey is null ? 0 : 1),
        Evaluations + row.Evaluations.Count + row.Replaced.Count);

    public static FactCounts operator +(FactCounts a, FactCounts b) =>
        new(a.Interactions + b.Interactions, a.Surveys + b.Surveys, a.Evaluations + b.Evaluations);
}
