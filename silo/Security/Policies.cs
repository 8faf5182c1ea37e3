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

    /// <summary>Dashboard views that every reader gets, filtered to what the caller may see (directory, live events).</summary>
    public const string Viewer = "viewer";

    /// <summary>Lists that name individual agents or evaluators of a team (cadence, sampling, disagreeing agents,
    /// leniency): QA and the team's lead, never executives.</summary>
    public const string Coaching = "coaching";

    /// <summary>The roles each policy admits, and the resource rule it adds (null: none).</summary>
    public static readonly IReadOnlyDictionary<string, (Role[] Roles, Scope? Scope)> Table = new Dictionary<string, (Role[], Scope?)>
    {
        [Admin] = ([Role.Admin], null),
        [Authenticated] = (Enum.GetValues<Role>(), null),
        [Ingest] = ([Role.Admin, Role.QaManager, Role.Integration], null),
        [QaManagement] = ([Role.Admin, Role.QaManager], null),
        [ReadScorecards] = ([Role.Admin, Role.QaManager, Role.TeamLead, Role.Agent, Role.Executive], null),
        [AgentData] = ([Role.Admin, Role.QaManager, Role.TeamLead, Role.Agent], Scope.Agent),
        [TeamFigures] = ([Role.Admin, Role.QaManager, Role.TeamLead, Role.Executive], Scope.Team),
        [Aggregates] = ([Role.Admin, Role.QaManager, Role.Executive], null),
        [Viewer] = ([Role.Admin, Role.QaManager, Role.TeamLead, Role.Agent, Role.Executive], null),
        [Coaching] = ([Role.Admin, Role.QaManager, Role.TeamLead], Scope.Team),
    };

    public static void Add(AuthorizationOptions options)
    {
        foreach (var (name, (roles, scope)) in Table)
            Policy(options, name, roles, scope is { } s ? [new ScopeRequirement(s)] : []);
        // An endpoint someone forgot to give a policy is admin-only rather than open.
        options.FallbackPolicy = options.GetPolicy(Admin);
    }

    /// <summary>Who a policy admits, in words, for the OpenAPI document.</summary>
    public static string Describe(string policy)
    {
        var (roles, scope) = Table[policy];
        var rule = scope switch
        {
            Scope.Agent => "; agent: only themself; team lead: only agents currently in their teams",
            Scope.Team => "; team lead: teamId required and one of their teams",
            _ => "",
        };
        return $"roles {string.Join(", ", roles.Select(Roles.Name))}{rule}";
    }

    private static void Policy(AuthorizationOptions options, string name, IEnumerable<Role> roles, IAuthorizationRequirement[] more) =>
        options.AddPolicy(name, p =>
        {
            p.AddAuthenticationSchemes(BearerTokenHandler.SchemeName);
            p.RequireRole(roles.Select(Roles.Name));
            foreach (var requirement in more) p.AddRequirements(requirement);
        });
}
