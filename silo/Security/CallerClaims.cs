using System.Collections.Immutable;
using System.Security.Claims;
using QmInsights.Domain.Access;

namespace QmInsights.Silo.Security;

/// <summary>A <see cref="Caller"/> as claims and back: ASP.NET Core authorization checks roles on claims, our
/// resource rules take the caller.</summary>
public static class CallerClaims
{
    private const string AgentId = "qm:agentId";
    private const string TeamId = "qm:teamId";
    private const string TokenId = "qm:tokenId";

    public static ClaimsPrincipal ToPrincipal(Caller caller, string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, caller.Name), new(ClaimTypes.Role, Roles.Name(caller.Role)) };
        if (caller.AgentId is not null) claims.Add(new Claim(AgentId, caller.AgentId));
        claims.AddRange(caller.TeamIds.Select(t => new Claim(TeamId, t)));
        if (caller.TokenId is not null) claims.Add(new Claim(TokenId, caller.TokenId));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>The caller of an authenticated request; null when the request carried no valid token.</summary>
    public static Caller? Caller(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(ClaimTypes.Role) is not { } roleName
            || !Roles.ByName.TryGetValue(roleName, out var role)) return null;
        return new Caller(role, user.Identity.Name ?? "", user.FindFirstValue(AgentId),
            user.FindAll(TeamId).Select(c => c.Value).ToImmutableArray(), user.FindFirstValue(TokenId));
    }
}
