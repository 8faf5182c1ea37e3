namespace QmInsights.Grains.Grains;

/// <summary>The named grain storage the host must register (memory in embedded mode, PostgreSQL in production).</summary>
public static class StorageNames
{
    public const string Aggregates = "qm";
}
