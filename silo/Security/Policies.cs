using Microsoft.AspNetCore.Authorization;
using QmInsights.Domain.Access;

namespace QmInsights.Silo.Security;

/// <summary>Every authorization policy of the API, by name, with the roles it admits. An endpoint (or a route group)
/// takes one with <c>.RequireAuthorization(Policies.X)</c>; an endpoint without one is refused to all but admin
/// (the fallback) and fails <c>EndpointAuthorizationTests</c>.</summary>
public static class Policies
{
    /// <summary>Tokens, audit, rebuild, the Orleans dashboard.</summary>
    public const string Admin = "admin";

    /// <summary>Any valid token: who am I, the OpenAPI document.</summary>
    public const string Authenticated = "authenticated";

    /// <summary>Posting interactions, surveys and evaluations.</summary>
    public const string Ingest = "ingest";

    /// <summary>Scorecard definitions, roster entries, calibration sessions and their results.</summary>
    public const string QaManagement = "qaManagement";

    /// <summary>Reading scorecard definitions (agents see what they are scored on).</summary>
    public const string ReadScorecards = "readScorecards";

    /// <summary>One agent's personal data (route value agentId): the agent themself, their team lead, QA.</summary>
    public const string AgentData = "agentData";

    /// <summary>Figures of one team (route or query teamId; team leads must name one of theirs) or of the whole
    /// centre: aggregates, no individual agents.</summary>
    public const string TeamFigures = "teamFigures";

    /// <summary>Centre-wide aggregates that take no team filter.</summary>
    public const string Aggregates = "aggregates";

    /// <summary>Lists that name individual agents or evaluators of a team (cadence, sampling, disagreeing agents,
    /// leniency): QA and the team's lead, never executives.</summary>
    public const string Coaching = "coaching";

    public static void Add(AuthorizationOptions options)
    {
        Policy(options, Admin, [Role.Admin]);
        Policy(options, Authenticated, Enum.GetValues<Role>());
        Policy(options, Ingest, [Role.Admin, Role.QaManager, Role.Integration]);
        Policy(options, QaManagement, [Role.Admin, Role.QaManager]);
        Policy(options, ReadScorecards, [Role.Admin, Role.QaManager, Role.TeamLead, Role.Agent, Role.Executive]);
        Policy(options, AgentData, [Role.Admin, Role.QaManager, Role.TeamLead, Role.Agent], new ScopeRequirement(Scope.Agent));
        Policy(options, TeamFigures, [Role.Admin, Role.QaManager, Role.TeamLead, Role.Executive], new ScopeRequirement(Scope.Team));
        Policy(options, Aggregates, [Role.Admin, Role.QaManager, Role.Executive]);
        Policy(options, Coaching, [Role.Admin, Role.QaManager, Role.TeamLead], new ScopeRequirement(Scope.Team));
        // An endpoint someone forgot to give a policy is admin-only rather than open.
        options.FallbackPolicy = options.GetPolicy(Admin);
    }

    private static void Policy(AuthorizationOptions options, string name, IEnumerable<Role> roles, params IAuthorizationRequirement[] more) =>
        options.AddPolicy(name, p =>
        {
            p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName);
            p.RequireRole(roles.Select(Roles.Name));
            foreach (var requirement in more) p.AddRequirements(requirement);
        });
}
