using Microsoft.Extensions.Logging;
using QmInsights.Domain.Joins;
using QmInsights.Grains.Interfaces;
using QmInsights.Storage;

namespace QmInsights.Grains.Grains;

public sealed class EvaluationIndexGrain(
    [PersistentState("evaluationIndex", StorageNames.Derived)] IPersistentState<EvaluationIndexState> state,
    IFactStore facts,
    ILogger<EvaluationIndexGrain> logger) : DerivedStateGrain(facts, logger), IEvaluationIndexGrain
{
    // A binding whose shard commit then failed stays only in memory; a resend for the same interaction still passes.
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Facts.IsDurable) state.State.InteractionOf = await Facts.LoadEvaluationBindings((int)this.GetPrimaryKeyLong());
        await base.OnActivateAsync(cancellationToken);
    }

    Task<List<FactOutcome>> IEvaluationIndexGrain.Bind(List<EvaluationBinding> bindings)
    {
        var conflicts = new List<FactOutcome>();
        var bound = state.State.InteractionOf;
        foreach (var (position, evaluationId, interactionId) in bindings)
        {
            if (bound.TryAdd(evaluationId, interactionId))
            {
                Changed(state);
                continue;
            }
            if (bound[evaluationId] != interactionId)
                conflicts.Add(new FactOutcome(position, FactStatus.Conflict,
                    $"interactionId: evaluation '{evaluationId}' was already accepted for interaction '{bound[evaluationId]}'"));
        }
        return Task.FromResult(conflicts);
    }
}

[GenerateSerializer, Alias("qm.EvaluationIndexState")]
public sealed class EvaluationIndexState
{
    [Id(0)] public Dictionary<string, string> InteractionOf { get; set; } = new();
}
