namespace QmInsights.Domain.Statistics.Reliability;

/// <summary>Per-rater bias in a calibration session: mean difference of a rater's total scores from the consensus
/// of the other raters and from an expert, positive when the rater scores higher.</summary>
public static class RaterDeviations
{
    /// <summary>One deviation per rater from a matrix of total scores (rows raters, columns units, null missing),
    /// optionally with the expert's score per unit; intervals are Student-t at <paramref name="confidence"/>.</summary>
    public static IReadOnlyList<RaterDeviation> Of(
        IReadOnlyList<IReadOnlyList<double?>> ratersByUnits,
        IReadOnlyList<double?>? expert = null,
        double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(ratersByUnits);
        var unitCount = ratersByUnits.Count == 0 ? 0 : ratersByUnits.Max(r => r.Count);
        if (expert is not null && expert.Count != unitCount)
            throw new ArgumentException(
                $"The expert needs one entry per unit ({unitCount}), null where not scored; got {expert.Count}.",
                nameof(expert));

        double? At(IReadOnlyList<double?> row, int u) => u < row.Count ? row[u] : null;

        // Per-unit sums and counts let each rater's leave-one-out mean be found by subtracting their own score.
        var sums = new double[unitCount];
        var counts = new int[unitCount];
        foreach (var row in ratersByUnits)
            for (var u = 0; u < row.Count; u++)
                if (row[u] is { } v)
                {
                    if (!double.IsFinite(v)) throw new ArgumentException("Scores must be finite.", nameof(ratersByUnits));
                    sums[u] += v;
                    counts[u]++;
                }

        var result = new List<RaterDeviation>(ratersByUnits.Count);
        for (var r = 0; r < ratersByUnits.Count; r++)
        {
            var fromOthers = new List<double>();
            var fromExpert = new List<double>();
            for (var u = 0; u < unitCount; u++)
            {
                if (At(ratersByUnits[r], u) is not { } own) continue;
                if (counts[u] >= 2) fromOthers.Add(own - (sums[u] - own) / (counts[u] - 1));
                if (expert?[u] is { } e) fromExpert.Add(own - e);
            }
            result.Add(new RaterDeviation(r,
                DeviationSummary.Of(fromOthers, confidence),
                expert is null ? null : DeviationSummary.Of(fromExpert, confidence)));
        }
        return result;
    }
}
