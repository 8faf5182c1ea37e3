namespace QmInsights.Domain.Access;

/// <summary>A filter over the audit trail: entries about <see cref="AgentId"/>, by <see cref="Actor"/>, at or after
/// <see cref="From"/> and before <see cref="To"/>; the newest <see cref="Limit"/> first.</summary>
public sealed record AuditQuery(string? AgentId, string? Actor, DateTimeOffset? From, DateTimeOffset? To, int Limit)
{
    public const int MaxLimit = 10_000;

    public bool Matches(AuditEntry entry) =>
        (AgentId is null || entry.AgentIds.Contains(AgentId))
        && (Actor is null || entry.Actor == Actor)
        && (From is null || entry.At >= From)
        && (To is null || entry.At < To);
}
