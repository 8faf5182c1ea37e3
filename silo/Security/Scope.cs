using Microsoft.AspNetCore.Authorization;

namespace QmInsights.Silo.Security;

/// <summary>Which resource rule of <see cref="Domain.Access.AccessRules"/> a policy adds to its roles.</summary>
public enum Scope
{
    /// <summary>The route value <c>agentId</c> must be an agent the caller may see.</summary>
    Agent,
    /// <summary>The route value or query parameter <c>teamId</c> (absent: every team) must be visible to the caller.</summary>
    Team,
}

public sealed record ScopeRequirement(Scope Scope) : IAuthorizationRequirement;
