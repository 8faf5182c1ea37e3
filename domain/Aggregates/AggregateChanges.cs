namespace QmInsights.Domain.Aggregates;

/// <summary>What a batch of facts changes in the agent, team and scorecard aggregates, pre-aggregated so that
/// each aggregate receives one message per batch however many facts touched it.</summary>
[GenerateSerializer, Alias("qm.AggregateChanges")]
public sealed class AggregateChanges
{
    [Id(0)] public Dictionary<string, TallyMap<TallyBucket, QualityTally>> Agents { get; init; } = new();
    [Id(1)] public Dictionary<string, TallyMap<TallyBucket, QualityTally>> Teams { get; init; } = new();
    [Id(2)] public Dictionary<string, TallyMap<ItemBucket, ItemTally>> Scorecards { get; init; } = new();

    public void AddAgent(string agentId, TallyBucket bucket, QualityTally tally, int sign) =>
        Add(Agents, agentId, bucket, tally, sign);

    public void AddTeam(string teamId, TallyBucket bucket, QualityTally tally, int sign) =>
        Add(Teams, teamId, bucket, tally, sign);

    public void AddItem(string scorecardId, ItemBucket bucket, ItemTally tally, int sign) =>
        Add(Scorecards, scorecardId, bucket, tally, sign);

    /// <summary>Adds every change of <paramref name="other"/>.</summary>
    public void Merge(AggregateChanges other)
    {
        foreach (var (id, map) in other.Agents) foreach (var (bucket, tally) in map.Buckets) AddAgent(id, bucket, tally, 1);
        foreach (var (id, map) in other.Teams) foreach (var (bucket, tally) in map.Buckets) AddTeam(id, bucket, tally, 1);
        foreach (var (id, map) in other.Scorecards) foreach (var (bucket, tally) in map.Buckets) AddItem(id, bucket, tally, 1);
    }

    /// <summary>Drops aggregates whose changes cancelled out (e.g. a scorecard item re-added unchanged).</summary>
    public void Prune()
    {
        PruneEmpty(Agents);
        PruneEmpty(Teams);
        PruneEmpty(Scorecards);
    }

    public bool IsEmpty => Agents.Count == 0 && Teams.Count == 0 && Scorecards.Count == 0;

    private static void Add<TBucket, TTally>(Dictionary<string, TallyMap<TBucket, TTally>> maps, string id,
        TBucket bucket, TTally tally, int sign)
        where TBucket : notnull where TTally : class, IAdditive<TTally>, new()
    {
        if (!maps.TryGetValue(id, out var map)) maps[id] = map = new TallyMap<TBucket, TTally>();
        map.Add(bucket, tally, sign);
    }

    private static void PruneEmpty<TBucket, TTally>(Dictionary<string, TallyMap<TBucket, TTally>> maps)
        where TBucket : notnull where TTally : class, IAdditive<TTally>, new()
    {
        foreach (var id in maps.Where(p => p.Value.IsEmpty).Select(p => p.Key).ToList()) maps.Remove(id);
    }
}
