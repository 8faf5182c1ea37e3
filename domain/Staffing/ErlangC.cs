namespace QmInsights.Domain.Staffing;

/// <summary>The Erlang C (M/M/N) queue: Poisson arrivals, exponential handle times, callers who never abandon.</summary>
public static class ErlangC
{
    /// <summary>Erlang B blocking probability for <paramref name="agents"/> servers offered <paramref name="erlangs"/>.</summary>
    public static double BlockingProbability(int agents, double erlangs)
    {
        StaffingGuard.NonNegative(agents, nameof(agents));
        StaffingGuard.NonNegative(erlangs, nameof(erlangs));
        var blocking = 1.0;
        for (var n = 1; n <= agents; n++) blocking = NextBlocking(blocking, n, erlangs);
        return blocking;
    }

    /// <summary>Probability that a call has to queue (P_w); 1 when <paramref name="agents"/> &lt;= <paramref name="erlangs"/>, as the queue then grows without bound.</summary>
    public static double ProbabilityOfWaiting(int agents, double erlangs)
    {
        StaffingGuard.NonNegative(agents, nameof(agents));
        StaffingGuard.NonNegative(erlangs, nameof(erlangs));
        if (erlangs == 0) return 0;
        if (agents <= erlangs) return 1;
        return WaitingFromBlocking(BlockingProbability(agents, erlangs), agents, erlangs);
    }

    /// <summary>Share of calls answered within <paramref name="answerWithinSeconds"/>: 1 - P_w·e^(-(N-A)·t/AHT); 0 for an unstable queue.</summary>
    public static double ServiceLevel(int agents, double erlangs, double averageHandleSeconds, double answerWithinSeconds)
    {
        StaffingGuard.Positive(averageHandleSeconds, nameof(averageHandleSeconds));
        StaffingGuard.NonNegative(answerWithinSeconds, nameof(answerWithinSeconds));
        var waiting = ProbabilityOfWaiting(agents, erlangs);
        return ServiceLevel(waiting, agents, erlangs, averageHandleSeconds, answerWithinSeconds);
    }

    /// <summary>Average speed of answer over all calls: P_w·AHT/(N-A); infinite for an unstable queue.</summary>
    public static double AverageSpeedOfAnswerSeconds(int agents, double erlangs, double averageHandleSeconds)
    {
        StaffingGuard.Positive(averageHandleSeconds, nameof(averageHandleSeconds));
        var waiting = ProbabilityOfWaiting(agents, erlangs);
        return AverageSpeedOfAnswer(waiting, agents, erlangs, averageHandleSeconds);
    }

    /// <summary>Share of agent time spent on calls, A/N, capped at 1 because an overloaded team is simply always busy.</summary>
    public static double Occupancy(int agents, double erlangs)
    {
        StaffingGuard.NonNegative(agents, nameof(agents));
        StaffingGuard.NonNegative(erlangs, nameof(erlangs));
        if (erlangs == 0) return 0;
        return agents <= erlangs ? 1 : erlangs / agents;
    }

    /// <summary>Whether <paramref name="agents"/> can keep up with <paramref name="erlangs"/> at all (N &gt; A, or no traffic).</summary>
    public static bool IsStable(int agents, double erlangs) => erlangs == 0 || agents > erlangs;

    // B(n) = A·B(n-1) / (n + A·B(n-1)), B(0) = 1: stays in [0, 1], so no A^N or N! ever overflows.
    internal static double NextBlocking(double previous, int agents, double erlangs) =>
        erlangs * previous / (agents + erlangs * previous);

    // C = N·B / (N - A·(1 - B)); the denominator is N - A + A·B > 0 whenever N > A.
    internal static double WaitingFromBlocking(double blocking, int agents, double erlangs) =>
        agents * blocking / (agents - erlangs * (1 - blocking));

    internal static double ServiceLevel(double waiting, int agents, double erlangs, double averageHandleSeconds,
        double answerWithinSeconds)
    {
        if (erlangs == 0) return 1;
        if (agents <= erlangs) return 0;
        return 1 - waiting * Math.Exp(-(agents - erlangs) * answerWithinSeconds / averageHandleSeconds);
    }

    internal static double AverageSpeedOfAnswer(double waiting, int agents, double erlangs, double averageHandleSeconds)
    {
        if (erlangs == 0) return 0;
        if (agents <= erlangs) return double.PositiveInfinity;
        return waiting * averageHandleSeconds / (agents - erlangs);
    }
}
