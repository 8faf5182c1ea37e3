namespace QmInsights.Domain.Staffing;

/// <summary>Erlang C staffing (Erlang A when the request gives a patience): how an interval performs with N agents, and
/// the fewest agents that meet its targets.</summary>
public static class StaffingCalculator
{
    // Absorbs binary rounding such as 14 / (1 - 0.3) = 20.000000000000004, which must roster 20, not 21.
    private const double Tolerance = 1e-9;

    /// <summary>Performance of <paramref name="request"/>'s interval with <paramref name="agentsOnPhones"/> agents taking calls.</summary>
    public static StaffingResult Evaluate(StaffingRequest request, int agentsOnPhones)
    {
        ArgumentNullException.ThrowIfNull(request);
        StaffingGuard.NonNegative(agentsOnPhones, nameof(agentsOnPhones));
        if (request.PatienceSeconds is { } patience) return WithAbandonment(request, agentsOnPhones, patience);
        var erlangs = request.TrafficErlangs;
        var waiting = ErlangC.ProbabilityOfWaiting(agentsOnPhones, erlangs);
        return Result(request, agentsOnPhones, erlangs, waiting);
    }

    /// <summary>The smallest N that meets the service-level target with occupancy at most the cap, plus its rostered headcount.</summary>
    public static StaffingResult Required(StaffingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var erlangs = request.TrafficErlangs;
        if (erlangs == 0) return Result(request, 0, 0, 0);
        if (request.PatienceSeconds is { } patience) return RequiredWithAbandonment(request, patience);

        // Walk N upwards with the Erlang B recursion itself, so the search costs O(N) however large A is.
        var blocking = 1.0;
        for (var agents = 1; ; agents++)
        {
            blocking = ErlangC.NextBlocking(blocking, agents, erlangs);
            if (agents <= erlangs) continue;
            if (erlangs / agents > request.MaxOccupancy + Tolerance) continue;
            var waiting = ErlangC.WaitingFromBlocking(blocking, agents, erlangs);
            var result = Result(request, agents, erlangs, waiting);
            if (result.ServiceLevel >= request.ServiceLevelTarget) return result;
        }
    }

    /// <summary>Agents to roster so that <paramref name="agentsOnPhones"/> are left after <paramref name="shrinkage"/>: ceil(N / (1 - shrinkage)).</summary>
    public static int Scheduled(int agentsOnPhones, double shrinkage)
    {
        StaffingGuard.NonNegative(agentsOnPhones, nameof(agentsOnPhones));
        StaffingGuard.UnitExcludingOne(shrinkage, nameof(shrinkage));
        return (int)Math.Ceiling(agentsOnPhones / (1 - shrinkage) - Tolerance);
    }

    // Erlang A is stable at any N, so the walk starts at one agent; the service level rises with N, so the first hit is the least.
    private static StaffingResult RequiredWithAbandonment(StaffingRequest request, double patience)
    {
        for (var agents = 1; ; agents++)
        {
            var result = WithAbandonment(request, agents, patience);
            if (result.Occupancy <= request.MaxOccupancy + Tolerance && result.ServiceLevel >= request.ServiceLevelTarget) return result;
        }
    }

    private static StaffingResult WithAbandonment(StaffingRequest request, int agents, double patience)
    {
        var erlangs = request.TrafficErlangs;
        var ratio = request.AverageHandleSeconds / patience;
        var f = ErlangA.Evaluate(agents, erlangs, ratio, request.AnswerWithin.TotalSeconds / request.AverageHandleSeconds);
        return new StaffingResult(agents, Scheduled(agents, request.Shrinkage), f.ServiceLevel, f.MeanWaitHandleTimes * request.AverageHandleSeconds,
            f.Occupancy, f.ProbabilityOfWaiting, erlangs, f.AbandonmentProbability);
    }

    private static StaffingResult Result(StaffingRequest request, int agents, double erlangs, double waiting) =>
        new(
            agents,
            Scheduled(agents, request.Shrinkage),
            ErlangC.ServiceLevel(waiting, agents, erlangs, request.AverageHandleSeconds,
                request.AnswerWithin.TotalSeconds),
            ErlangC.AverageSpeedOfAnswer(waiting, agents, erlangs, request.AverageHandleSeconds),
            ErlangC.Occupancy(agents, erlangs),
            waiting,
            erlangs);
}
