using MathNet.Numerics;

namespace QmInsights.Domain.Staffing;

/// <summary>The Palm/Erlang A queue (M/M/n+M): Poisson arrivals, exponential handle times and exponential patience,
/// so callers who wait too long hang up and the queue is stable at any staffing. Formulas of Mandelbaum &amp; Zeltyn,
/// "The Palm/Erlang-A Queue, with Applications to Call Centers" (Technion, 2005), sections 3-4, computed term by term:
/// an arrival who finds j callers waiting is served with probability E[B] and answered within t with probability
/// E[B; B &gt;= e^(-θt)], where B = e^(-θV) ~ Beta(n/r, j + 1) for the offered wait V (r = θ/μ, time in handle times).</summary>
public static class ErlangA
{
    // Terms below this share of the waiting states' mass change no reported figure.
    private const double Negligible = 1e-13;
    private const int MaxWaitingStates = 200_000;

    /// <summary>Probability that an arrival waits at all, P(W &gt; 0), with <paramref name="agents"/> serving
    /// <paramref name="erlangs"/> (λ/μ) and patience ratio <paramref name="abandonRatio"/> = θ/μ = AHT / mean patience.</summary>
    public static double ProbabilityOfWaiting(int agents, double erlangs, double abandonRatio) =>
        Evaluate(agents, erlangs, abandonRatio, 0).ProbabilityOfWaiting;

    /// <summary>Share of arrivals who hang up before an agent answers, P(Ab).</summary>
    public static double AbandonmentProbability(int agents, double erlangs, double abandonRatio) =>
        Evaluate(agents, erlangs, abandonRatio, 0).AbandonmentProbability;

    /// <summary>Share of all offered calls answered within <paramref name="answerWithinHandleTimes"/> (in units of the mean
    /// handle time); callers who abandon count as not answered in time, whenever they hang up.</summary>
    public static double ServiceLevel(int agents, double erlangs, double abandonRatio, double answerWithinHandleTimes) =>
        Evaluate(agents, erlangs, abandonRatio, answerWithinHandleTimes).ServiceLevel;

    /// <summary>All figures of one staffing level in one pass over the waiting states.</summary>
    public static ErlangAFigures Evaluate(int agents, double erlangs, double abandonRatio, double answerWithinHandleTimes)
    {
        StaffingGuard.NonNegative(agents, nameof(agents));
        StaffingGuard.NonNegative(erlangs, nameof(erlangs));
        StaffingGuard.Positive(abandonRatio, nameof(abandonRatio));
        StaffingGuard.NonNegative(answerWithinHandleTimes, nameof(answerWithinHandleTimes));
        if (erlangs == 0) return new ErlangAFigures(0, 0, 1, 0, 0);
        if (agents == 0) return new ErlangAFigures(1, 1, 0, 1 / abandonRatio, 0);

        var blocking = ErlangC.BlockingProbability(agents, erlangs);
        // Waiting-state weights relative to the all-busy state: w_j = prod_{i=1..j} R / (n + i r).
        var weights = new List<double> { 1.0 };
        var total = 1.0;
        for (var j = 1; j < MaxWaitingStates; j++)
        {
            var next = weights[^1] * erlangs / (agents + j * abandonRatio);
            weights.Add(next);
            total += next;
            if (next < Negligible * total && erlangs < agents + j * abandonRatio) break;
        }
        var waiting = blocking * total / (1 - blocking + blocking * total);
        var x = agents / abandonRatio;
        var threshold = Math.Exp(-abandonRatio * answerWithinHandleTimes);
        double abandon = 0, answeredInTime = 0;
        for (var j = 0; j < weights.Count; j++)
        {
            var share = waiting * weights[j] / total;
            var served = x / (x + j + 1);
            abandon += share * (1 - served);
            if (share > Negligible) answeredInTime += share * served * (1 - SpecialFunctions.BetaRegularized(x + 1, j + 1, threshold));
        }
        var serviceLevel = 1 - waiting + answeredInTime;
        // P(Ab) = θ E[W] (Mandelbaum & Zeltyn, section 4.6), so the mean wait over all arrivals is P(Ab) / θ.
        return new ErlangAFigures(waiting, abandon, Math.Clamp(serviceLevel, 0, 1), abandon / abandonRatio,
            Math.Min(1, erlangs * (1 - abandon) / agents));
    }
}

/// <summary>How an Erlang A queue performs at one staffing level.</summary>
/// <param name="ProbabilityOfWaiting">P(W &gt; 0): share of arrivals who find every agent busy.</param>
/// <param name="AbandonmentProbability">P(Ab): share of arrivals who hang up before being answered.</param>
/// <param name="ServiceLevel">Share of all arrivals answered within the threshold.</param>
/// <param name="MeanWaitHandleTimes">Mean wait over all arrivals (answered or not), in mean handle times.</param>
/// <param name="Occupancy">Share of agent time on calls: carried load over agents.</param>
public sealed record ErlangAFigures(double ProbabilityOfWaiting, double AbandonmentProbability, double ServiceLevel,
    double MeanWaitHandleTimes, double Occupancy);
