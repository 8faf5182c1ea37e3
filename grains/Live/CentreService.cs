using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Periods;
using QmInsights.Grains.Interfaces;

namespace QmInsights.Grains.Live;

/// <summary>The whole centre: who is in it (roster plus every team and scorecard data has named) and its figures as
/// the sum of its teams' tallies. Evaluations whose interaction has not arrived yet belong to no team, so they count
/// for their agent but not here until it does.</summary>
public sealed class CentreService(IGrainFactory grains)
{
    public async Task<CentreDirectory> Directory()
    {
        var roster = await grains.GetGrain<IRosterDirectoryGrain>("roster").All();
        var known = await grains.GetGrain<IChangeFeedGrain>(ChangeFeed.Key).Known();
        var agentsByTeam = roster.GroupBy(r => r.TeamId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var teams = agentsByTeam.Keys.Union(known.Teams, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(t => new DirectoryTeam(t, agentsByTeam.GetValueOrDefault(t))).ToList();
        return new CentreDirectory(teams, roster, known.Scorecards);
    }

    public async Task<CentreSummary> Summary(DateOnly? from, DateOnly? to, TrendPeriod period, Channel? channel)
    {
        var teamIds = (await Directory()).Teams.Select(t => t.TeamId).ToList();
        var parts = await Task.WhenAll(teamIds.Select(t => grains.GetGrain<ITeamGrain>(t).GetCondensed(from, to, period, channel)));
        var centre = new TallyMap<TallyBucket, QualityTally>();
        foreach (var part in parts) centre.Merge(part);
        // The parts are already cut to the range and keyed by period start: summarise them whole, then say the range.
        var figures = SummaryBuilder.Build(centre, null, null, period) with { From = from, To = to };
        var teams = teamIds.Zip(parts)
            .Select(p => new TeamFigures(p.First, SummaryBuilder.Build(p.Second, null, null, period) with { ByChannel = null, Trend = null, TrendPeriod = null }))
            .ToList();
        return new CentreSummary(figures, teams);
    }
}

public sealed record DirectoryTeam(string TeamId, int Agents);

public sealed record CentreDirectory(List<DirectoryTeam> Teams, List<AgentRosterEntry> Agents, IReadOnlyList<string> Scorecards);

public sealed record TeamFigures(string TeamId, QualityFigures Figures);

public sealed record CentreSummary(QualityFigures Centre, List<TeamFigures> Teams);
