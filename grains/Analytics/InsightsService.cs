using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Analytics;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Scorecards;
using QmInsights.Grains.Calibration;
using QmInsights.Grains.Interfaces;
using QmInsights.Storage;

namespace QmInsights.Grains.Analytics;

/// <summary>Gathers the interaction-level rows from every shard, the agents' hire dates and the scorecard items, and
/// runs the driver analysis on them.</summary>
public sealed class InsightsService(IGrainFactory grains, CalibrationService calibration)
{
    public async Task<InsightReport> Analyse(DateOnly? from, DateOnly? to, string? teamId, Channel? channel, string? queue,
        InsightOptions options) =>
        (await Analyse(await Contacts(from, to, teamId, channel, queue), from, to, teamId, channel is null && queue is null, options)).Report;

    /// <summary>The agents whose QA and CSAT disagree most over the period, with the items that explain it; with
    /// <paramref name="agentId"/>, that agent's gap wherever it ranks.</summary>
    public async Task<List<AgentGap>> DisagreeingAgents(DateOnly? from, DateOnly? to, string? teamId, int top, string? agentId = null)
    {
        var agents = (await AnalyseWithDisagreement(from, to, teamId, agentId is null ? top : int.MaxValue, new InsightOptions(TrainModels: false))).Agents;
        return agentId is null ? agents : agents.Where(a => a.AgentId == agentId).ToList();
    }

    /// <summary>Every evaluated agent's QA score adjusted for who evaluated them, beside the raw mean.</summary>
    public async Task<AgentScoreReport?> AgentScores(DateOnly? from, DateOnly? to, string? teamId) =>
        Domain.Analytics.AgentScores.Estimate(await Contacts(from, to, teamId));

    /// <summary>The analysis of the whole period (every channel and queue) and the agents whose QA and CSAT disagree
    /// most, from one gathering of the rows.</summary>
    public async Task<(InsightReport Report, List<AgentGap> Agents)> AnalyseWithDisagreement(DateOnly? from, DateOnly? to, string? teamId,
        int top, InsightOptions options) =>
        await AnalyseWithDisagreement(await Contacts(from, to, teamId), from, to, teamId, top, options);

    /// <summary>As the other overload, on the period's <paramref name="contacts"/> already gathered (every channel and
    /// queue, <paramref name="teamId"/>'s when given), so a caller that needs them too gathers them once.</summary>
    public async Task<(InsightReport Report, List<AgentGap> Agents)> AnalyseWithDisagreement(List<EvaluatedContact> contacts,
        DateOnly? from, DateOnly? to, string? teamId, int top, InsightOptions options)
    {
        var (report, items, figures) = await Analyse(contacts, from, to, teamId, true, options);
        var agents = figures!.OrderBy(a => a.AgentId, StringComparer.Ordinal).ToList();
        return (report, AgentDisagreement.Rank(agents, contacts, report.Relationships, items, top));
    }

    /// <summary>The regular evaluations of the period on their joined contacts, from every shard.</summary>
    public async Task<List<EvaluatedContact>> Contacts(DateOnly? from, DateOnly? to, string? teamId, Channel? channel = null, string? queue = null)
    {
        var parts = await Task.WhenAll(Enumerable.Range(0, Shards.Count)
            .Select(s => grains.GetGrain<IInteractionShardGrain>(s).GetEvaluatedContacts(from, to, teamId, channel, queue)));
        return parts.SelectMany(p => p).ToList();
    }

    /// <summary>The analysis of the period's <paramref name="contacts"/>, and (over every channel and queue only,
    /// <paramref name="allChannels"/>) every evaluated agent's figures.</summary>
    private async Task<(InsightReport Report, Dictionary<string, ScorecardItem> Items, List<(string AgentId, QualityFigures Figures)>? Agents)> Analyse(
        List<EvaluatedContact> contacts, DateOnly? from, DateOnly? to, string? teamId, bool allChannels, InsightOptions options)
    {

        var agentIds = contacts.Select(c => c.AgentId).Distinct().ToList();
        var rosters = await Task.WhenAll(agentIds.Select(id => grains.GetGrain<IAgentGrain>(id).GetRoster()));
        var hiredAt = rosters.Where(r => r is not null).ToDictionary(r => r!.AgentId, r => r!.HiredAt);

        // Item texts and points from the latest version of each scorecard in use: what the form rewards today.
        var items = new Dictionary<string, ScorecardItem>(StringComparer.Ordinal);
        foreach (var scorecardId in contacts.Select(c => c.ScorecardId).Distinct())
        {
            var versions = await grains.GetGrain<IScorecardGrain>(scorecardId).GetVersions();
            if (versions.Count == 0) continue;
            foreach (var (_, item) in versions[^1].Definition.AllItems()) items.TryAdd(item.Id, item);
        }
        // The agent-week view reads each agent's weekly figures, which cover every channel and queue: it is left out
        // when the run is narrowed to one of them.
        // Their totals also serve the disagreeing agents (totals do not depend on the trend period).
        List<AgentWeek>? weeks = null;
        List<(string AgentId, QualityFigures Figures)>? figures = null;
        if (allChannels)
        {
            var teams = rosters.Where(r => r is not null).ToDictionary(r => r!.AgentId, r => r!.TeamId);
            var summaries = await Task.WhenAll(agentIds.Select(id => grains.GetGrain<IAgentGrain>(id).GetSummary(from, to, Domain.Periods.TrendPeriod.Week)));
            // A team's run speaks of the agents rostered in it now: an agent of another team with one contact here would
            // otherwise show all their figures to this team's lead.
            figures = agentIds.Zip(summaries).Where(p => teamId is null || teams.GetValueOrDefault(p.First) == teamId).ToList();
            weeks = figures
                .SelectMany(p => AgentWeek.Of(p.AgentId, teams.GetValueOrDefault(p.AgentId) ?? "", p.Figures)).ToList();
        }
        // Evaluators misrecord; where calibration sessions measured how often (against their expert), item effects are
        // corrected for it and say so.
        return (DriverAnalysis.Run(contacts, hiredAt, items, options, weeks, await calibration.Reliability()), items, figures);
    }
}
