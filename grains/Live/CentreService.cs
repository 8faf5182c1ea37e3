using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Live;
using QmInsights.Domain.Periods;
using QmInsights.Grains.Interfaces;

namespace QmInsights.Grains.Live;

/// <summary>The whole centre: who is in it (roster plus every team and scorecard data has named) and its figures as
/// the sum of its teams' tallies. Evaluations whose interaction has not arrived yet belong to no team, so they count
/// for their agent but not here until it does.</summary>
public sealed class CentreService(IGrainFactory grains)
{
    private readonly TeamCondensations _condensations = new();

    public async Task<CentreDirectory> Directory()
    {
        var roster = await grains.GetGrain<IRosterDirectoryGrain>("roster").All();
        var known = await grains.GetGrain<IChangeFeedGrain>(ChangeFeed.Key).Known();
        var agentsByTeam = roster.GroupBy(r => r.TeamId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var teams = agentsByTeam.Keys.Union(known.Teams, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(t => new DirectoryTeam(t, agentsByTeam.GetValueOrDefault(t))).ToList();
        return new CentreDirectory(teams, roster, known.Scorecards);
    }

    /// <summary>The centre's figures (the sum of its teams) and each team's totals. Teams' parts are kept on this silo
    /// until the change feed says the team changed, so a summary reads only the teams that changed since the last one.</summary>
    public async Task<CentreSummary> Summary(DateOnly? from, DateOnly? to, TrendPeriod period, Channel? channel)
    {
        var range = new SummaryRange(from, to, period, channel);
        var feed = grains.GetGrain<IChangeFeedGrain>(ChangeFeed.Key);
        var rostered = grains.GetGrain<IRosterDirectoryGrain>("roster").TeamIds();
        var known = feed.Known();
        _condensations.Apply(await feed.Since(_condensations.Version));
        var version = _condensations.Version;
        var teamIds = (await rostered).Union((await known).Teams, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (_condensations.FindSummary(range, teamIds) is { } kept) return kept;

        var parts = await Task.WhenAll(teamIds.Select(async t =>
        {
            if (_condensations.Find(range, t) is { } part) return part;
            var condensed = await grains.GetGrain<ITeamGrain>(t).GetCondensed(from, to, period, channel);
            part = new TeamPart(condensed, SummaryBuilder.Build(condensed, null, null, period) with { ByChannel = null, Trend = null, TrendPeriod = null });
            _condensations.Keep(range, t, part, version);
            return part;
        }));
        var centre = new TallyMap<TallyBucket, QualityTally>();
        foreach (var part in parts) centre.Merge(part.Condensed);
        // The parts are already cut to the range and keyed by period start: summarise them whole, then say the range.
        var figures = SummaryBuilder.Build(centre, null, null, period) with { From = from, To = to };
        var summary = new CentreSummary(figures, teamIds.Zip(parts).Select(p => new TeamFigures(p.First, p.Second.Totals)).ToList());
        _condensations.KeepSummary(range, teamIds, summary, version);
        return summary;
    }
}

public sealed record DirectoryTeam(string TeamId, int Agents);

public sealed record CentreDirectory(List<DirectoryTeam> Teams, List<AgentRosterEntry> Agents, IReadOnlyList<string> Scorecards);

public sealed record TeamFigures(string TeamId, QualityFigures Figures);

public sealed record CentreSummary(QualityFigures Centre, List<TeamFigures> Teams);
