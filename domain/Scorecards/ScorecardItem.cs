namespace QmInsights.Domain.Scorecards;

/// <summary>A concrete behaviour the evaluator looks for, with why it is assessed.</summary>
[GenerateSerializer, Alias("qm.ScorecardItem")]
public sealed record ScorecardItem(
    string Id,
    string Text,
    string? Why,
    double Points,
    bool Essential,
    bool Critical,
    NaPolicy NaPolicy)
{
    /// <summary>Points the item is worth: an essential item always counts as 4.</summary>
    public double EffectivePoints => Essential ? 4.0 : Points;
}
