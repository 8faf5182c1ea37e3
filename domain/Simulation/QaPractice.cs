namespace QmInsights.Domain.Simulation;

/// <summary>How the simulated centre evaluates and surveys, as real centres do: some evaluations targeted at the
/// worst contacts, evaluators on a rota of agents, customers answering surveys more after an unresolved contact.
/// The default changes nothing (uniform random picks, as the simulator always did).</summary>
/// <param name="TargetedPerAgentMonth">0, 1 or 2 targeted picks per agent-month on top of the random ones: the
/// lowest-CSAT contact (1-2 only), then the longest (the rule <c>/api/sampling</c> follows). Every pick then carries
/// its selection and inclusion probability.</param>
/// <param name="EvaluatorRota">Each agent-month is evaluated by one evaluator, moving on each month
/// (agent + month modulo evaluators), so agents meet several evaluators and evaluators many agents.</param>
/// <param name="UnresolvedResponseFactor">Survey response rate after an unresolved contact relative to a resolved one.</param>
/// <param name="EvaluatorErrorScale">Multiplies every evaluator's leniency and severity: 0 gives evaluators who record
/// exactly what the agent did (to tell the analysis's own accuracy from the attenuation misrecorded answers cause).</param>
public sealed record QaPractice(int TargetedPerAgentMonth = 0, bool EvaluatorRota = false, double UnresolvedResponseFactor = 1,
    double EvaluatorErrorScale = 1)
{
    /// <summary>A centre following common practice: 1 low-CSAT + 1 longest + the random picks, a rota, and twice the
    /// response after an unresolved contact.</summary>
    public static QaPractice Common { get; } = new(2, true, 2);

    /// <summary>Problems with the practice, each naming the option.</summary>
    public IEnumerable<string> Problems()
    {
        if (TargetedPerAgentMonth is < 0 or > 2) yield return "targeted-per-agent-month: must be 0, 1 or 2";
        if (UnresolvedResponseFactor is <= 0 or > 5) yield return "unresolved-response-factor: must be in (0, 5]";
        if (EvaluatorErrorScale is < 0 or > 5) yield return "evaluator-error-scale: must be 0-5";
    }
}
