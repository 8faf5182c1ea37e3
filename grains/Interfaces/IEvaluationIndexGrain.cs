using QmInsights.Domain.Joins;

namespace QmInsights.Grains.Interfaces;

/// <summary>Binds each evaluation id to the interaction it was first accepted for, so an id cannot be reused for
/// another interaction (which lives on another shard). Keyed by shard number of the evaluation id.</summary>
[Alias("qm.IEvaluationIndexGrain")]
public interface IEvaluationIndexGrain : IGrainWithIntegerKey
{
    /// <summary>Binds unbound ids; returns a conflict outcome for each id already bound to another interaction.</summary>
    Task<List<FactOutcome>> Bind(List<EvaluationBinding> bindings);
}

[GenerateSerializer, Alias("qm.EvaluationBinding")]
public readonly record struct EvaluationBinding(int Position, string EvaluationId, string InteractionId);
