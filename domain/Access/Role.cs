namespace QmInsights.Domain.Access;

/// <summary>What a token may do. The JSON names are camelCase: admin, qaManager, teamLead, agent, executive, integration.</summary>
[GenerateSerializer, Alias("qm.Role")]
public enum Role
{
    /// <summary>Everything, including tokens, audit and the Orleans dashboard.</summary>
    Admin = 0,
    /// <summary>Scorecards, roster, calibration and every agent's and team's quality data.</summary>
    QaManager = 1,
    /// <summary>The figures of their own teams and of the agents currently rostered in them.</summary>
    TeamLead = 2,
    /// <summary>Their own evaluations and their own aggregates.</summary>
    Agent = 3,
    /// <summary>Aggregates and reports; no individual agent data.</summary>
    Executive = 4,
    /// <summary>Ingestion only (interactions, surveys, evaluations).</summary>
    Integration = 5,
}

public static class Roles
{
    /// <summary>Role names as they appear in JSON and in claims.</summary>
    public static readonly IReadOnlyDictionary<string, Role> ByName =
        Enum.GetValues<Role>().ToDictionary(Name, r => r, StringComparer.OrdinalIgnoreCase);

    public static string Name(Role role) => role switch
    {
        Role.QaManager => "qaManager",
        Role.TeamLead => "teamLead",
        _ => role.ToString().ToLowerInvariant(),
    };
}
