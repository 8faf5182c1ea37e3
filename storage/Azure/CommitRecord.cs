using QmInsights.Domain.Facts;
using QmInsights.Domain.Joins;

namespace QmInsights.Storage.Azure;

/// <summary>One shard commit as stored in the fact log (one blob): the whole fact records, serialized as they are, so a
/// field added to a fact is stored without any per-column work.</summary>
public sealed record CommitRecord(
    int Shard,
    long BatchId,
    List<Interaction> Interactions,
    List<Survey> Surveys,
    List<ScoredEvaluation> Evaluations)
{
    /// <summary>True when the commit holds no fact any more (all retired).</summary>
    public bool IsEmpty => Interactions.Count == 0 && Surveys.Count == 0 && Evaluations.Count == 0;

    /// <summary>The same commit without the facts of these interactions.</summary>
    public CommitRecord Without(IReadOnlySet<string> interactionIds) => this with
    {
        Interactions = Interactions.Where(i => !interactionIds.Contains(i.InteractionId)).ToList(),
        Surveys = Surveys.Where(s => !interactionIds.Contains(s.InteractionId)).ToList(),
        Evaluations = Evaluations.Where(e => !interactionIds.Contains(e.Evaluation.InteractionId)).ToList(),
    };
}
