namespace QmInsights.Grains.Ingestion;

/// <summary>A record that was not accepted: where it was in the body, its id if one could be read, and why.</summary>
public sealed record RejectedRecord(int Position, string? Id, string Reason);
