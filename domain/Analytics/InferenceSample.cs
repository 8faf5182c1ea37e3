using System.Globalization;
using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Analytics;

/// <summary>How many regular evaluations of a run came from each kind of pick, and which of them the inference used.
/// Targeted and disputed contacts are chosen for being unusual (lowest CSAT, longest call): read as if random they make
/// every item look worse for customers than it is.</summary>
/// <param name="Basis">"random picks" (only random picks, unweighted) or "all picks weighted" (every pick carried an
/// inclusion probability, each weighted by its inverse, Horvitz-Thompson).</param>
[GenerateSerializer, Alias("qm.SelectionCounts")]
public sealed record SelectionCounts(int Random, int Targeted, int Dispute, int Used, string Basis)
{
    /// <summary>One sentence for a report: what was used and what was left out.</summary>
    public string Describe() => Basis == InferenceSample.AllWeighted
        ? string.Create(CultureInfo.InvariantCulture,
            $"Inference used all {Used} evaluations ({Random} random, {Targeted} targeted, {Dispute} disputed), each weighted by the inverse of its inclusion probability.")
        : string.Create(CultureInfo.InvariantCulture,
            $"Inference used the {Used} randomly picked evaluations; {Targeted} targeted and {Dispute} disputed ones count in coaching views only.");
}

/// <summary>The rows inference may use, with their weights: random picks, or all picks weighted by inverse inclusion
/// probability when every pick carries one.</summary>
public sealed class InferenceSample
{
    public const string RandomPicks = "random picks";
    public const string AllWeighted = "all picks weighted";

    public IReadOnlyList<EvaluatedContact> Rows { get; }
    public SelectionCounts Counts { get; }
    private readonly bool _weighted;

    private InferenceSample(IReadOnlyList<EvaluatedContact> rows, SelectionCounts counts, bool weighted)
    {
        Rows = rows;
        Counts = counts;
        _weighted = weighted;
    }

    /// <summary>A row's weight in every estimate: the inverse of its inclusion probability, or 1.</summary>
    public double Weight(EvaluatedContact row) => _weighted ? 1 / row.InclusionProbability!.Value : 1;

    public static InferenceSample Of(IReadOnlyList<EvaluatedContact> contacts)
    {
        int Count(EvaluationSelection s) => contacts.Count(c => c.Selection == s);
        var weighted = contacts.Count > 0 && contacts.All(c => c.InclusionProbability is > 0);
        var rows = weighted ? contacts : contacts.Where(c => c.Selection == EvaluationSelection.Random).ToList();
        return new InferenceSample(rows, new SelectionCounts(Count(EvaluationSelection.Random), Count(EvaluationSelection.Targeted),
            Count(EvaluationSelection.Dispute), rows.Count, weighted ? AllWeighted : RandomPicks), weighted);
    }
}
