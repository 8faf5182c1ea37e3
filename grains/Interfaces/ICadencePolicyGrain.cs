using QmInsights.Domain.Cadence;

namespace QmInsights.Grains.Interfaces;

/// <summary>The centre's evaluation cadence policy, durable like the other definitions. Key: "policy".</summary>
[Alias("qm.ICadencePolicyGrain")]
public interface ICadencePolicyGrain : IGrainWithStringKey
{
    /// <summary>The policy in force: the defaults until someone sets one.</summary>
    Task<CadencePolicy> Get();

    /// <summary>Replaces the policy; the caller has validated it.</summary>
    Task<CadencePolicy> Set(CadencePolicy policy);
}
