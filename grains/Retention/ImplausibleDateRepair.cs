using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Ingestion;
using QmInsights.Domain.Live;
using QmInsights.Domain.Retention;
using QmInsights.Grains.Interfaces;
using QmInsights.Grains.Live;
using QmInsights.Storage;

namespace QmInsights.Grains.Retention;

/// <summary>Removes what facts stored before the plausible window existed (or under a wider one) left behind: every
/// contact with a fact dated outside <see cref="TimestampWindow"/> (with its survey and evaluations, since its times
/// cannot be trusted), and every aggregate or retired tally dated outside it. Nothing of theirs is kept.</summary>
public sealed class ImplausibleDateRepair(IGrainFactory grains, IFactStore facts, CentreService centre, TimestampWindow window)
{
    public async Task<RepairRun> Run()
    {
        var (earliest, latest) = (window.Earliest, window.Latest(DateTimeOffset.UtcNow));
        var discarded = await Task.WhenAll(Enumerable.Range(0, Shards.Count)
            .Select(s => grains.GetGrain<IInteractionShardGrain>(s).DiscardOutside(earliest, latest)));
        await facts.DiscardRetiredTallies(earliest, latest);

        var removed = new AggregateChanges();
        foreach (var d in discarded) removed.Merge(d.Changes);
        // Without a durable store the aggregates take the discarded rows out as changes; with one they rebuild below.
        if (!facts.IsDurable) await Subtract(removed);

        var (agents, teams, scorecards) = facts.IsDurable ? await facts.AggregateIds() : await Known(removed);
        await Task.WhenAll(agents.Select(id => grains.GetGrain<IAgentGrain>(id).DropOutside(earliest, latest))
            .Concat(teams.Select(id => grains.GetGrain<ITeamGrain>(id).DropOutside(earliest, latest)))
            .Concat(scorecards.Select(id => grains.GetGrain<IScorecardGrain>(id).DropOutside(earliest, latest))));
        // Live views and the centre summaries kept on each silo re-read the repaired aggregates.
        await grains.GetGrain<IChangeFeedGrain>(ChangeFeed.Key).Publish(new DataChange(agents, teams, scorecards));
        return new RepairRun(earliest, latest, discarded.Aggregate(default(FactCounts), (a, d) => a + d.Deleted));
    }

    private Task Subtract(AggregateChanges removed) => Task.WhenAll(
        removed.Agents.Select(p => grains.GetGrain<IAgentGrain>(p.Key).Apply([new(null, p.Value)]))
            .Concat(removed.Teams.Select(p => grains.GetGrain<ITeamGrain>(p.Key).Apply([new(null, p.Value)])))
            .Concat(removed.Scorecards.Select(p => grains.GetGrain<IScorecardGrain>(p.Key).Apply([new(null, p.Value)]))));

    // In memory mode the aggregates are known from the directory (rostered agents, teams seen, scorecards) and the rows removed.
    private async Task<(List<string> Agents, List<string> Teams, List<string> Scorecards)> Known(AggregateChanges removed)
    {
        var directory = await centre.Directory();
        return (directory.Agents.Select(a => a.AgentId).Union(removed.Agents.Keys).ToList(),
            directory.Teams.Select(t => t.TeamId).Union(removed.Teams.Keys).ToList(),
            directory.Scorecards.Union(removed.Scorecards.Keys).ToList());
    }
}

/// <summary>What one repair deleted: facts dated outside <see cref="Earliest"/>..<see cref="Latest"/>.</summary>
public sealed record RepairRun(DateOnly Earliest, DateOnly Latest, FactCounts Deleted);
