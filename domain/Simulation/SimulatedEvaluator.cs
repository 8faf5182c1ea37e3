namespace QmInsights.Domain.Simulation;

/// <summary>An evaluator and how they distort what they see: a lenient one marks some "no" as "yes", a severe one
/// some "yes" as "no".</summary>
public sealed record SimulatedEvaluator(string EvaluatorId, double Leniency, double Severity);
