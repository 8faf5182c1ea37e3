using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Periods;
using QmInsights.Grains.Interfaces;

namespace QmInsights.Grains.Reports;

/// <summary>Figures of the whole centre: the rostered teams' day-and-channel tallies added up and summarised like any
/// team's, so the interval, shares and trend are exact (not averages of averages).</summary>
public sealed class CentreFigures(IGrainFactory grains)
{
    /// <summary>The teams of the roster, in order.</summary>
    public async Task<List<string>> Teams() =>
        (await grains.GetGrain<IRosterDirectoryGrain>("roster").All()).Select(r => r.TeamId).Distinct().Order(StringComparer.Ordinal).ToList();

    public async Task<QualityFigures> Summary(DateOnly? from, DateOnly? to, TrendPeriod period)
    {
        var parts = await Task.WhenAll((await Teams()).Select(t => grains.GetGrain<ITeamGrain>(t).GetTallies(from, to)));
        var total = new TallyMap<TallyBucket, QualityTally>();
        foreach (var part in parts) total.Merge(part);
        return SummaryBuilder.Build(total, from, to, period);
    }

    /// <summary>The centre's figures, or one team's when <paramref name="teamId"/> is given.</summary>
    public Task<QualityFigures> Summary(string? teamId, DateOnly from, DateOnly to, TrendPeriod period) =>
        teamId is null ? Summary(from, to, period) : grains.GetGrain<ITeamGrain>(teamId).GetSummary(from, to, period);
}
