namespace QmInsights.Storage;

/// <summary>Which rows of a shard to read: those whose contact started in [<see cref="Since"/>, <see cref="Before"/>)
/// (null: open; rows whose contact has not arrived count as the newest, so they belong to a slice without an end), and
/// optionally only the rows of some interaction ids or the rows about one agent (their contacts and evaluations of
/// them). How a shard keeps only its hot window resident and reads older rows for the request that needs them.</summary>
public sealed record ShardSlice(
    DateTimeOffset? Since = null,
    DateTimeOffset? Before = null,
    IReadOnlyCollection<string>? InteractionIds = null,
    string? AgentId = null)
{
    /// <summary>Every row of the shard.</summary>
    public static readonly ShardSlice Whole = new();
}
