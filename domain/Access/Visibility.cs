namespace QmInsights.Domain.Access;

/// <summary>What of the centre's directory and of live change notices a caller may see: the same rules as the data
/// behind them (<see cref="AccessRules"/>), so a picker or a notice never names a team or agent the caller could not open.</summary>
public static class Visibility
{
    public static bool SeesTeam(Caller caller, string teamId) => AccessRules.TeamDenial(caller, teamId) is null;

    /// <summary>An agent by name: executives see aggregates only, never individual agents.</summary>
    public static bool SeesAgent(Caller caller, string agentId, string? agentTeamId) =>
        AccessRules.AgentDenial(caller, agentId, agentTeamId) is null;
}
