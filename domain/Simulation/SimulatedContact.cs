using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Simulation;

/// <summary>A contact, its survey if the customer answered, and what the agent truly did (before any evaluator's bias).</summary>
public sealed record SimulatedContact(Interaction Interaction, Survey? Survey, IReadOnlyDictionary<string, ItemAnswer> Behaviour);
