using Microsoft.Extensions.Options;
using QmInsights.Domain.Access;
using QmInsights.Grains.Interfaces;
using QmInsights.Silo.Audit;
using QmInsights.Silo.Security;

namespace QmInsights.Silo.Api;

/// <summary>Tokens for every role but the start-up admin: issued once (only a hash is kept), listed without
/// secrets, revoked; and who the caller is.</summary>
public static class AuthEndpoints
{
    public static void MapAuth(this IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup("/api/auth/tokens").WithTags("Authentication").RequireAuthorization(Policies.Admin);

        tokens.MapPost("", async (HttpContext context, IGrainFactory grains, IOptionsMonitor<BearerTokenOptions> options) =>
            {
                var (root, malformed) = await DefinitionEndpoints.ReadJson(context.Request);
                if (malformed is not null) return malformed;
                var (request, problems) = TokenRequest.Read(root);
                if (request is null) return DefinitionEndpoints.Invalid(problems, "Invalid token request");
                var secret = TokenSecret.New();
                var now = DateTimeOffset.UtcNow;
                var lifetime = options.Get(BearerTokenHandler.SchemeName).TokenLifetime;
                var token = new IssuedToken(TokenSecret.NewId(), request.Role, request.Name, request.AgentId, request.TeamIds,
                    TokenSecret.Hash(secret), now, context.User.Caller()!.Name, null, now + lifetime);
                await grains.GetGrain<ITokenDirectoryGrain>("tokens").Issue(token);
                context.AuditDetail($"issued token {token.Id} ({Roles.Name(token.Role)}, '{token.Name}')");
                if (token.AgentId is not null) context.AuditAgents([token.AgentId]);
                return Results.Created($"/api/auth/tokens/{token.Id}", Describe(token, secret));
            })
            .Audited("issue token")
            .WithSummary("Issues a token {role, name, agentId?, teamIds?}; the answer carries the secret `token` once, only its hash is stored.");

        tokens.MapGet("", async (IGrainFactory grains) =>
                Results.Ok((await grains.GetGrain<ITokenDirectoryGrain>("tokens").All()).Select(t => Describe(t, null))))
            .WithSummary("Every issued token, revoked ones included, without secrets.");

        tokens.MapDelete("/{tokenId}", async (string tokenId, HttpContext context, IGrainFactory grains) =>
            {
                var token = await grains.GetGrain<ITokenDirectoryGrain>("tokens").Revoke(tokenId, DateTimeOffset.UtcNow);
                if (token is null)
                    return Results.Problem(statusCode: 404, title: "Unknown token", detail: $"tokenId: no token '{tokenId}' was issued");
                context.AuditDetail($"revoked token {token.Id} ({Roles.Name(token.Role)}, '{token.Name}')");
                return Results.Ok(Describe(token, null));
            })
            .Audited("revoke token")
            .WithSummary("Revokes a token: it is refused from the next request on (kept in the list, marked revoked).");

        app.MapGet("/api/auth/me", (HttpContext context) =>
            {
                var caller = context.User.Caller()!;
                // The policies the role may use, so the dashboard asks only for what it may read.
                var policies = Policies.Table.Where(p => p.Value.Roles.Contains(caller.Role)).Select(p => p.Key).Order();
                return Results.Ok(new { role = Roles.Name(caller.Role), caller.Name, caller.AgentId, caller.TeamIds, caller.TokenId, policies });
            })
            .WithTags("Authentication")
            .RequireAuthorization(Policies.Authenticated)
            .WithSummary("The caller's role, name, agentId, teamIds and the authorization policies the role may use (policies).");
    }

    private static object Describe(IssuedToken t, string? secret) => new
    {
        id = t.Id,
        token = secret,
        role = Roles.Name(t.Role),
        name = t.Name,
        agentId = t.AgentId,
        teamIds = t.TeamIds,
        issuedAt = t.IssuedAt,
        issuedBy = t.IssuedBy,
        revokedAt = t.RevokedAt,
        expiresAt = t.ExpiresAt,
    };
}
