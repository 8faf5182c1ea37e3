using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace QmInsights.Silo.Security;

/// <summary>A 403 says why: the role the endpoint needs, or the resource rule that refused (which agent, which team).</summary>
public sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (!result.Forbidden)
        {
            await _default.HandleAsync(next, context, policy, result);
            return;
        }
        var reasons = result.AuthorizationFailure?.FailureReasons.Select(r => r.Message).ToList() ?? [];
        if (reasons.Count == 0)
        {
            var roles = policy.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>()
                .SelectMany(r => r.AllowedRoles);
            reasons.Add($"role: this endpoint is for {string.Join(", ", roles)}");
        }
        await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: string.Join("; ", reasons))
            .ExecuteAsync(context);
    }
}
