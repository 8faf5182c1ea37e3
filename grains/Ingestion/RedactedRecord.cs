namespace QmInsights.Grains.Ingestion;

/// <summary>A record stored with less than was sent: which field, and what was removed from it (e.g. email, phone,
/// card; or the field itself when the policy drops it).</summary>
public sealed record RedactedRecord(int Position, string? Id, string Field, IReadOnlyList<string> Removed);
