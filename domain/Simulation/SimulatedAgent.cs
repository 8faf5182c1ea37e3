namespace QmInsights.Domain.Simulation;

/// <summary>An agent's hidden traits: what drives their behaviour in the simulation.</summary>
/// <param name="Skill">Standard-normal skill: raises item adherence and customer ratings.</param>
/// <param name="Upseller">Upsells as a habit (most of the time) rather than rarely.</param>
/// <param name="Speed">Handle-time style: 0.8 means contacts 20% shorter than the channel norm.</param>
/// <param name="TeamChange">Day the agent moves to <paramref name="FinalTeamId"/>; null if never.</param>
public sealed record SimulatedAgent(
    string AgentId,
    string FirstTeamId,
    string FinalTeamId,
    DateOnly? TeamChange,
    DateTimeOffset HiredAt,
    bool NewHire,
    double Skill,
    bool Upseller,
    double Speed,
    IReadOnlyDictionary<string, double> ItemAdherence)
{
    public string TeamOn(DateOnly day) => TeamChange is { } change && day >= change ? FinalTeamId : FirstTeamId;
}
