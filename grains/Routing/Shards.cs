namespace QmInsights.Grains.Routing;

/// <summary>Spreads interactions and evaluation ids over a fixed number of shard grains with a stable hash
/// (string.GetHashCode is randomised per process, so it cannot route across silos).</summary>
public static class Shards
{
    public const int Count = 64;

    public static int Of(string id)
    {
        // FNV-1a over UTF-16 code units.
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return (int)(hash % Count);
    }
}
