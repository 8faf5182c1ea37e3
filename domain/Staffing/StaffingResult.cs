namespace QmInsights.Domain.Staffing;

/// <summary>How a queue performs with a given number of agents on the phones, and the headcount that takes.</summary>
/// <param name="AgentsOnPhones">Agents logged in and taking calls (N).</param>
/// <param name="AgentsScheduled">Agents to roster so that <paramref name="AgentsOnPhones"/> remain after shrinkage.</param>
/// <param name="ServiceLevel">Share of calls answered within the threshold; 0 when the queue is unstable.</param>
/// <param name="AverageSpeedOfAnswerSeconds">Mean wait over all calls; positive infinity when the queue is unstable.</param>
/// <param name="Occupancy">Share of agent time on calls, A/N, capped at 1.</param>
/// <param name="ProbabilityOfWaiting">Erlang C probability that a call queues; 1 when the queue is unstable.</param>
/// <param name="TrafficErlangs">Offered load (A).</param>
/// <param name="AbandonmentProbability">Erlang A share of callers who hang up before an answer; null under Erlang C.</param>
public sealed record StaffingResult(
    int AgentsOnPhones,
    int AgentsScheduled,
    double ServiceLevel,
    double AverageSpeedOfAnswerSeconds,
    double Occupancy,
    double ProbabilityOfWaiting,
    double TrafficErlangs,
    double? AbandonmentProbability = null)
{
    /// <summary>False when, under Erlang C, the agents cannot keep up (N &lt;= A): the queue grows for as long as the
    /// interval lasts. An Erlang A queue is always stable: abandonment balances it.</summary>
    public bool IsStable => AbandonmentProbability is not null || ErlangC.IsStable(AgentsOnPhones, TrafficErlangs);

    /// <summary>Share of calls answered without queuing at all, 1 - P_w.</summary>
    public double ImmediateAnswerProbability => 1 - ProbabilityOfWaiting;
}
