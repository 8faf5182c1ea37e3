using QmInsights.Domain.Cadence;
using QmInsights.Grains.Interfaces;

namespace QmInsights.Grains.Grains;

public sealed class CadencePolicyGrain(
    [PersistentState("cadencePolicy", StorageNames.Definitions)] IPersistentState<CadencePolicyState> state)
    : Grain, ICadencePolicyGrain
{
    Task<CadencePolicy> ICadencePolicyGrain.Get() => Task.FromResult(state.State.Policy ?? new CadencePolicy());

    async Task<CadencePolicy> ICadencePolicyGrain.Set(CadencePolicy policy)
    {
        if (policy.Problems() is { Count: > 0 } problems)
            throw new ArgumentException(string.Join("; ", problems.Select(p => $"{p.Key}: {p.Value[0]}")), nameof(policy));
        state.State.Policy = policy;
        await state.WriteStateAsync();
        return policy;
    }
}

[GenerateSerializer, Alias("qm.CadencePolicyState")]
public sealed class CadencePolicyState
{
    [Id(0)] public CadencePolicy? Policy { get; set; }
}
