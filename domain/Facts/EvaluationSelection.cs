namespace QmInsights.Domain.Facts;

/// <summary>Why a contact was picked for a regular evaluation. Only random picks (or all picks weighted by their
/// inclusion probability) say something about the centre as a whole; targeted and disputed ones are chosen for being
/// unusual and would bias any estimate made from them as if they were typical.</summary>
[GenerateSerializer, Alias("qm.EvaluationSelection")]
public enum EvaluationSelection
{
    /// <summary>Drawn at random from the agent's contacts (the contract's default).</summary>
    Random = 0,
    /// <summary>Picked for a reason: lowest CSAT, longest handle time, a keyword, a complaint.</summary>
    Targeted = 1,
    /// <summary>Evaluated because the agent or the customer disputed something.</summary>
    Dispute = 2,
}
