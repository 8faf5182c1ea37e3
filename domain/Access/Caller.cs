using System.Collections.Immutable;

namespace QmInsights.Domain.Access;

/// <summary>Who is asking: the role and scope of the token the request carries.</summary>
/// <param name="TokenId">The issued token's id; null for the start-up admin token and for the open (demo) mode.</param>
public sealed record Caller(Role Role, string Name, string? AgentId, ImmutableArray<string> TeamIds, string? TokenId);
