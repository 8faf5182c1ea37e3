namespace QmInsights.Domain.Access;

/// <summary>Which agent's and which team's data a caller may see, beyond what the role's endpoint policy allows.
/// Each method answers null when access is granted, else the reason (for the 403 answer).</summary>
public static class AccessRules
{
    /// <summary>Personal data of <paramref name="agentId"/>, whose current roster team is <paramref name="agentTeamId"/>
    /// (null when the agent is not rostered). An agent sees only themself; a team lead the agents currently in
    /// their teams; admin and QA managers everyone.</summary>
    public static string? AgentDenial(Caller caller, string agentId, string? agentTeamId) => caller.Role switch
    {
        Role.Admin or Role.QaManager => null,
        Role.Agent when caller.AgentId == agentId => null,
        Role.Agent => $"agentId: an agent token sees only its own agent ('{caller.AgentId}'), not '{agentId}'",
        Role.TeamLead when agentTeamId is not null && caller.TeamIds.Contains(agentTeamId) => null,
        // The refusal does not say which team the agent is in: that is another team's roster.
        Role.TeamLead => $"agentId: '{agentId}' is not in this team lead's teams ({string.Join(", ", caller.TeamIds)})",
        _ => $"agentId: role {Roles.Name(caller.Role)} does not see individual agents' data",
    };

    /// <summary>The monthly pack of team <paramref name="teamId"/> (null: the whole centre): the team rule, and only admins
    /// and QA managers may have an archived pack re-rendered (<paramref name="refresh"/>), which replaces what was sent.</summary>
    public static string? PackDenial(Caller caller, string? teamId, bool refresh) =>
        TeamDenial(caller, teamId)
        ?? (refresh && caller.Role is not (Role.Admin or Role.QaManager)
            ? $"refresh: only admins and QA managers re-render an archived pack, not a {Roles.Name(caller.Role)} token"
            : null);

    /// <summary>True when documents for <paramref name="role"/> may name agents and evaluators (a pack's league of agents,
    /// disagreeing agents, evaluator leniency); executives get aggregates only.</summary>
    public static bool SeesIndividuals(Role role) => role is Role.Admin or Role.QaManager or Role.TeamLead;

    /// <summary>Data of team <paramref name="teamId"/>, or of every team when it is null (a filter left out). Team
    /// leads must name one of their own teams; agents and integrations see no team data.</summary>
    public static string? TeamDenial(Caller caller, string? teamId) => caller.Role switch
    {
        Role.Admin or Role.QaManager or Role.Executive => null,
        Role.TeamLead when teamId is not null && caller.TeamIds.Contains(teamId) => null,
        Role.TeamLead when teamId is null => $"teamId: a team lead must name one of their teams ({string.Join(", ", caller.TeamIds)})",
        Role.TeamLead => $"teamId: '{teamId}' is not one of this team lead's teams ({string.Join(", ", caller.TeamIds)})",
        _ => $"teamId: role {Roles.Name(caller.Role)} does not see team data",
    };
}
