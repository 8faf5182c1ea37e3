using QmInsights.Domain.Joins;
using QmInsights.Grains.Interfaces;

namespace QmInsights.Grains.Grains;

public sealed class EvaluationIndexGrain : WriteBehindGrain, IEvaluationIndexGrain
{
    private readonly IPersistentState<EvaluationIndexState> _state;
    private bool _dirty;

    public EvaluationIndexGrain([PersistentState("evaluationIndex", StorageNames.Aggregates)] IPersistentState<EvaluationIndexState> state)
    {
        _state = state;
        WriteBehind(() => _dirty, async () =>
        {
            await _state.WriteStateAsync();
            _dirty = false;
        });
    }

    Task<List<FactOutcome>> IEvaluationIndexGrain.Bind(List<EvaluationBinding> bindings)
    {
        var conflicts = new List<FactOutcome>();
        var bound = _state.State.InteractionOf;
        foreach (var (position, evaluationId, interactionId) in bindings)
        {
            if (bound.TryAdd(evaluationId, interactionId))
            {
                _dirty = true;
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
