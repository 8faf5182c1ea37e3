namespace QmInsights.Grains.Grains;

/// <summary>How write-behind grains treat silo shutdown. With in-process storage, which goes down with the silo,
/// writing at shutdown only produces errors; with a database it is what keeps the aggregates.</summary>
public sealed class WriteBehindOptions
{
    public bool WriteOnShutdown { get; init; } = true;
}
