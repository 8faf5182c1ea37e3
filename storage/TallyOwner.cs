namespace QmInsights.Storage;

/// <summary>Whose quality tallies a rebuild reads: an agent's (the contacts the agent handled, their surveys, and the
/// evaluations of the agent) or a team's (the contacts handled for it, their surveys and evaluations).</summary>
public enum TallyOwner
{
    Agent,
    Team,
}
