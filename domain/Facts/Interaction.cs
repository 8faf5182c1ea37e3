namespace QmInsights.Domain.Facts;

/// <summary>One handled contact as the ACD/CCaaS platform reports it. Its <see cref="TeamId"/> decides the team
/// every evaluation and survey of the contact counts for, so history stays where it happened.</summary>
[GenerateSerializer, Alias("qm.Interaction")]
public sealed record Interaction(
    string InteractionId,
    Channel Channel,
    string AgentId,
    string TeamId,
    string Queue,
    DateTimeOffset StartedAt,
    int HandleSeconds,
    int? AfterCallWorkSeconds,
    int? WaitSeconds,
    bool? ResolvedFirstContact);
