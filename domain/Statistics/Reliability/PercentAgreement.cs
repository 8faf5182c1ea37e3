namespace QmInsights.Domain.Statistics.Reliability;

/// <summary>Raw percent agreement: the share of rater pairs that gave the same answer, without any correction
/// for chance (see <see cref="KrippendorffAlpha"/> for that); meant for display next to each item.</summary>
public static class PercentAgreement
{
    /// <summary>Agreeing pairs among the answers one unit received (missing answers left out by the caller).</summary>
    public static PairAgreement OfUnit<T>(IEnumerable<T> answers) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(answers);
        long total = 0, agreeing = 0;
        // Counting per answer value avoids comparing every pair: c raters on one value make c(c-1)/2 agreeing pairs.
        foreach (var group in answers.GroupBy(a => a))
        {
            long c = group.Count();
            agreeing += c * (c - 1) / 2;
            total += c;
        }
        return new PairAgreement(agreeing, total * (total - 1) / 2);
    }

    /// <summary>Agreeing pairs pooled over units, each unit given as the answers it received; a unit with one
    /// answer adds no pair.</summary>
    public static PairAgreement Of<T>(IEnumerable<IEnumerable<T>> units) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(units);
        var sum = new PairAgreement();
        foreach (var unit in units) sum += OfUnit(unit);
        return sum;
    }

    /// <summary>Agreeing pairs pooled over a reliability data matrix (rows coders, columns units, null missing),
    /// the same shape <see cref="KrippendorffAlpha.FromCoders"/> takes.</summary>
    public static PairAgreement FromCoders(IReadOnlyList<IReadOnlyList<double?>> codersByUnits)
    {
        ArgumentNullException.ThrowIfNull(codersByUnits);
        var unitCount = codersByUnits.Count == 0 ? 0 : codersByUnits.Max(r => r.Count);
        var sum = new PairAgreement();
        for (var u = 0; u < unitCount; u++)
        {
            var unit = u;
            sum += OfUnit(codersByUnits.Where(r => unit < r.Count && r[unit].HasValue).Select(r => r[unit]!.Value));
        }
        return sum;
    }
}
