using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Joins;

/// <summary>Everything known about one interaction: the contact itself, its survey and its evaluations, whichever
/// arrived first. This is the interaction-level row the analytics read (QA answers next to CSAT, NPS, handle time, FCR).</summary>
[GenerateSerializer, Alias("qm.InteractionJoin")]
public sealed class InteractionJoin
{
    [Id(0)] public Interaction? Interaction { get; set; }
    [Id(1)] public Survey? Survey { get; set; }
    /// <summary>The current revision of each evaluation of this interaction.</summary>
    [Id(2)] public List<ScoredEvaluation> Evaluations { get; init; } = new();
    /// <summary>Earlier revisions, kept so an agent can see how a disputed evaluation changed; they count nowhere.</summary>
    [Id(3)] public List<ScoredEvaluation> Replaced { get; init; } = new();
}
