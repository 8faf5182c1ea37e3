using QmInsights.Domain.Cadence;
using QmInsights.Domain.Periods;
using QmInsights.Grains.Interfaces;
using QmInsights.Storage;

namespace QmInsights.Grains.Calibration;

/// <summary>The cadence view over the whole roster: the roster directory, and the regular evaluations of the last
/// months from the interaction shards.</summary>
public sealed class CadenceService(IGrainFactory grains, CentreCalendar? calendar = null)
{
    public async Task<CadenceReport> Plan(DateOnly asOf, string? teamId, CadencePolicy policy)
    {
        var roster = (await grains.GetGrain<IRosterDirectoryGrain>("roster").All())
            .Where(r => teamId is null || r.TeamId == teamId)
            .Select(r => new CadenceAgent(r.AgentId, r.TeamId, r.HiredAt)).ToList();
        // The rules look back one interval and the quota one month: three months of history is plenty.
        var from = asOf.AddMonths(-3);
        var parts = await Task.WhenAll(Enumerable.Range(0, Shards.Count)
            .Select(s => grains.GetGrain<IInteractionShardGrain>(s).GetEvaluatedContacts(from.AddDays(-31), asOf, null, null, null)));
        var agents = roster.Select(r => r.AgentId).ToHashSet(StringComparer.Ordinal);
        var evaluations = parts.SelectMany(p => p).Where(c => agents.Contains(c.AgentId))
            .Select(c => new CadenceEvaluation(c.AgentId, c.EvaluatorId, c.EvaluatedAt, c.QaScore, c.TargetPercent)).ToList();
        return CadencePlanner.Plan(roster, evaluations, asOf, policy, calendar);
    }

    /// <summary>Contacts to evaluate next, per agent, from the unevaluated contacts between the two days.</summary>
    public async Task<List<SamplingSuggestion>> Sample(DateOnly from, DateOnly to, string? teamId, int perAgent, int seed, CadencePolicy policy)
    {
        var parts = await Task.WhenAll(Enumerable.Range(0, Shards.Count)
            .Select(s => grains.GetGrain<IInteractionShardGrain>(s).GetUnevaluated(from, to, teamId)));
        var hiredAt = (await grains.GetGrain<IRosterDirectoryGrain>("roster").All()).ToDictionary(r => r.AgentId, r => r.HiredAt);
        return SamplingPlanner.Suggest(parts.SelectMany(p => p).ToList(), hiredAt, to, perAgent, seed, policy);
    }
}
