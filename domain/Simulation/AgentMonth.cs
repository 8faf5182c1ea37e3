using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Simulation;

/// <summary>One agent's simulated month: contacts with their true behaviours, surveys and evaluations.</summary>
public sealed class AgentMonth(string agentId, DateOnly month)
{
    public string AgentId { get; } = agentId;
    public DateOnly Month { get; } = month;
    public List<SimulatedContact> Contacts { get; } = new();
    public List<Evaluation> Evaluations { get; } = new();

    public IEnumerable<Interaction> Interactions => Contacts.Select(c => c.Interaction);

    public IEnumerable<Survey> Surveys => Contacts.Where(c => c.Survey is not null).Select(c => c.Survey!);

    public void Add(SimulatedContact contact) => Contacts.Add(contact);
}
