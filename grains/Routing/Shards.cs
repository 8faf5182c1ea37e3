using QmInsights.Domain;

namespace QmInsights.Grains.Routing;

/// <summary>Spreads interactions and evaluation ids over a fixed number of shard grains with a stable hash
/// (string.GetHashCode is randomised per process, so it cannot route across silos).</summary>
public static class Shards
{
    public const int Count = 64;

    public static int Of(string id) => id.GetDeterministicHash() % Count;
}
