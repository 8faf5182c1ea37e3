namespace QmInsights.Storage.Azure;

/// <summary>One retirement (retention or erasure) of a shard as stored in the fact log: what the deleted facts still
/// contribute to the aggregates, and, until the commit blobs are rewritten without them, which interactions of which
/// commit blob are deleted. Written before the commit blobs change, so a silo that dies half-way leaves facts that
/// every reader already ignores, never tallies counted twice.</summary>
public sealed record RetirementRecord(Dictionary<string, List<string>> Removals, List<RetiredTally> Tallies);
