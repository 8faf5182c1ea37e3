namespace QmInsights.Domain.Facts;

/// <summary>An agent's roster entry. The display name is optional: store no more about people than is needed.</summary>
[GenerateSerializer, Alias("qm.AgentRosterEntry")]
public sealed record AgentRosterEntry(
    string AgentId,
    string TeamId,
    DateTimeOffset HiredAt,
    string? DisplayName);
