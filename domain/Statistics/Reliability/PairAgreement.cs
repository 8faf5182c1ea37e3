namespace QmInsights.Domain.Statistics.Reliability;

/// <summary>Counts of rater pairs that gave the same answer out of all pairs that could be compared; additive,
/// so per-unit counts sum to an item's count.</summary>
/// <param name="Agreeing">Pairs of raters that gave the same answer.</param>
/// <param name="Pairs">Pairs of raters that both answered.</param>
public readonly record struct PairAgreement(long Agreeing, long Pairs)
{
    /// <summary>Agreeing over all pairs, between 0 and 1; null when no pair could be compared.</summary>
    public double? Share => Pairs > 0 ? (double)Agreeing / Pairs : null;

    /// <summary>The counts of both operands together.</summary>
    public static PairAgreement operator +(PairAgreement a, PairAgreement b) =>
        new(a.Agreeing + b.Agreeing, a.Pairs + b.Pairs);
}
