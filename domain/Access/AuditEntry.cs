using System.Collections.Immutable;

namespace QmInsights.Domain.Access;

/// <summary>One access to agents' personal QA data, or one change to who may access it: who (name, role, token),
/// from where, what (action, method, path), about which agents, and the answer's status code.</summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Actor,
    string Role,
    string? TokenId,
    string? RemoteIp,
    string Action,
    string Method,
    string Path,
    ImmutableArray<string> AgentIds,
    int Status,
    string? Detail);
