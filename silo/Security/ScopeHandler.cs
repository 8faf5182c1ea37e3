using Microsoft.AspNetCore.Authorization;
using QmInsights.Domain.Access;
using QmInsights.Grains.Interfaces;

namespace QmInsights.Silo.Security;

/// <summary>Applies the resource rules to the request's agentId/teamId; the reason of a refusal goes into the 403.</summary>
public sealed class ScopeHandler(IGrainFactory grains) : AuthorizationHandler<ScopeRequirement, HttpContext>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement, HttpContext http)
    {
        if (context.User.Caller() is not { } caller) return;
        var denial = requirement.Scope switch
        {
            Scope.Agent => await AgentDenial(caller, http.Request.RouteValues["agentId"] as string),
            _ => AccessRules.TeamDenial(caller, TeamId(http)),
        };
        if (denial is null) context.Succeed(requirement);
        else context.Fail(new AuthorizationFailureReason(this, denial));
    }

    private async Task<string?> AgentDenial(Caller caller, string? agentId)
    {
        if (agentId is null) return "agentId: this endpoint names no agent";
        // Only a team lead's access depends on the roster: the agent's team now, not the teams it once worked in.
        var team = caller.Role == Role.TeamLead ? (await grains.GetGrain<IAgentGrain>(agentId).GetRoster())?.TeamId : null;
        return AccessRules.AgentDenial(caller, agentId, team);
    }

    private static string? TeamId(HttpContext http) =>
        http.Request.RouteValues["teamId"] as string
        ?? (http.Request.Query["teamId"].ToString() is { Length: > 0 } t ? t : null);
}
