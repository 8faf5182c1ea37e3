namespace QmInsights.Grains.Grains;

/// <summary>The named grain storages the host must register.</summary>
public static class StorageNames
{
    /// <summary>Definitions that are facts in their own right (scorecard versions, roster): always durable when a
    /// database is configured, written before the API answers.</summary>
    public const string Definitions = "qm";

    /// <summary>State derived from facts (interaction rows, tallies). Kept here in the embedded mode; with a durable
    /// fact store it is rebuilt from the facts at activation instead, so this may be in-process storage.</summary>
    public const string Derived = "qm-derived";
}
