using QmInsights.Domain.Calibration;
using QmInsights.Domain.Joins;
using QmInsights.Grains.Interfaces;
using QmInsights.Storage;

namespace QmInsights.Grains.Calibration;

/// <summary>Reads evaluations for the agent-transparency and evaluator-leniency views.</summary>
public sealed class EvaluationReader(IGrainFactory grains)
{
    /// <summary>Every evaluation of an agent, oldest first, self-evaluations beside the evaluators' ones.</summary>
    public async Task<List<AgentEvaluation>> Of(string agentId)
    {
        var parts = await Task.WhenAll(Enumerable.Range(0, Shards.Count).Select(s => grains.GetGrain<IInteractionShardGrain>(s).GetEvaluationsOf(agentId)));
        return parts.SelectMany(p => p).OrderBy(e => e.Current.Evaluation.EvaluatedAt).ThenBy(e => e.Current.Evaluation.EvaluationId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Each evaluator's leniency over the regular evaluations of the period.</summary>
    public async Task<List<Leniency>> Leniency(DateOnly? from, DateOnly? to, string? teamId)
    {
        var parts = await Task.WhenAll(Enumerable.Range(0, Shards.Count)
            .Select(s => grains.GetGrain<IInteractionShardGrain>(s).GetEvaluatedContacts(from, to, teamId, null, null)));
        return EvaluatorLeniency.Estimate(parts.SelectMany(p => p).ToList());
    }
}
