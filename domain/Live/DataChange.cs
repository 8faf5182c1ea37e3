namespace QmInsights.Domain.Live;

/// <summary>The agents, teams and scorecards whose figures new data changed.</summary>
[GenerateSerializer, Alias("qm.DataChange")]
public sealed record DataChange(
    IReadOnlyList<string> Agents,
    IReadOnlyList<string> Teams,
    IReadOnlyList<string> Scorecards)
{
    public static readonly DataChange Empty = new([], [], []);

    public bool IsEmpty => Agents.Count == 0 && Teams.Count == 0 && Scorecards.Count == 0;

    /// <summary>The union of several changes, ids sorted.</summary>
    public static DataChange Merge(IEnumerable<DataChange> changes)
    {
        var list = changes.ToList();
        return new DataChange(Union(list.Select(c => c.Agents)), Union(list.Select(c => c.Teams)), Union(list.Select(c => c.Scorecards)));
    }

    private static List<string> Union(IEnumerable<IReadOnlyList<string>> ids) =>
        ids.SelectMany(i => i).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}

/// <summary>What changed after a reader's version: <see cref="Reload"/> when the log no longer reaches back that far.</summary>
[GenerateSerializer, Alias("qm.ChangesSince")]
public sealed record ChangesSince(
    long Version,
    DataChange Change,
    bool Reload);
