using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Facts;

namespace QmInsights.Storage.Azure;

/// <summary>What deleted facts still contribute to one bucket of one aggregate: an agent's or team's quality tally by
/// day and channel, or a scorecard's item tally by version, item and day.</summary>
public sealed record RetiredTally(
    RetiredTally.Target Kind,
    string TargetId,
    DateOnly Day,
    Channel? Channel,
    int? Version,
    string? ItemId,
    QualityTally? Quality,
    ItemTally? Item)
{
    /// <summary>The kind of aggregate a tally belongs to.</summary>
    public enum Target { Agent, Team, Scorecard }

    /// <summary>One tally per bucket of every aggregate in <paramref name="kept"/>.</summary>
    public static List<RetiredTally> Of(AggregateChanges kept)
    {
        var tallies = new List<RetiredTally>();
        foreach (var (kind, maps) in new[] { (Target.Agent, kept.Agents), (Target.Team, kept.Teams) })
            foreach (var (id, map) in maps)
                foreach (var (bucket, tally) in map.Buckets)
                    tallies.Add(new(kind, id, bucket.Day, bucket.Channel, null, null, tally, null));
        foreach (var (id, map) in kept.Scorecards)
            foreach (var (bucket, tally) in map.Buckets)
                tallies.Add(new(Target.Scorecard, id, bucket.Day, null, bucket.Version, bucket.ItemId, null, tally));
        return tallies;
    }

    /// <summary>Adds this tally to its aggregate in <paramref name="changes"/>.</summary>
    public void AddTo(AggregateChanges changes)
    {
        switch (Kind)
        {
            case Target.Agent: changes.AddAgent(TargetId, new TallyBucket(Day, Channel), Quality!, 1); break;
            case Target.Team: changes.AddTeam(TargetId, new TallyBucket(Day, Channel), Quality!, 1); break;
            default: changes.AddItem(TargetId, new ItemBucket(Version!.Value, ItemId!, Day), Item!, 1); break;
        }
    }
}
