using Microsoft.Extensions.Logging;
using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Joins;
using QmInsights.Grains.Interfaces;

namespace QmInsights.Grains.Grains;

public sealed class InteractionShardGrain(
    [PersistentState("shard", StorageNames.Aggregates)] IPersistentState<ShardState> state,
    ILogger<InteractionShardGrain> logger) : WriteBehindGrain(logger), IInteractionShardGrain
{

    // State is loaded at activation, after construction: the book is a view over whatever it holds now.
    private InteractionBook Book => new(state.State.Rows);

    Task<ShardResult> IInteractionShardGrain.Apply(FactBatch batch)
    {
        var book = Book;
        var changes = new AggregateChanges();
        var outcomes = new List<FactOutcome>(batch.Interactions.Count + batch.Surveys.Count + batch.Evaluations.Count);
        // Interactions first: a survey or evaluation in the same batch then lands on its team and channel at once.
        foreach (var (position, interaction) in batch.Interactions) outcomes.Add(book.Apply(position, interaction, changes));
        foreach (var (position, survey) in batch.Surveys) outcomes.Add(book.Apply(position, survey, changes));
        foreach (var (position, evaluation) in batch.Evaluations) outcomes.Add(book.Apply(position, evaluation, changes));
        changes.Prune();
        if (outcomes.Any(o => o.Status is FactStatus.Accepted or FactStatus.Revised)) Changed(state);
        return Task.FromResult(new ShardResult(outcomes, changes));
    }

    Task<InteractionJoin?> IInteractionShardGrain.GetInteraction(string interactionId) =>
        Task.FromResult(Book.Find(interactionId));
}

[GenerateSerializer, Alias("qm.ShardState")]
public sealed class ShardState
{
    [Id(0)] public Dictionary<string, InteractionJoin> Rows { get; set; } = new();
}
