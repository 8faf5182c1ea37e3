namespace QmInsights.Domain.Staffing;

/// <summary>One interval's forecast and the service it must get; every value is checked on construction and in <c>with</c>.</summary>
/// <param name="CallsPerInterval">Calls expected in the interval (>= 0).</param>
/// <param name="Interval">Length of the interval the calls arrive in (> 0).</param>
/// <param name="AverageHandleSeconds">Average handle time, talk plus wrap-up, in seconds (> 0).</param>
/// <param name="ServiceLevelTarget">Share of calls to answer within <paramref name="AnswerWithin"/>, in (0, 1).</param>
/// <param name="AnswerWithin">Answer-time threshold of the service level (>= 0).</param>
/// <param name="MaxOccupancy">Highest acceptable share of agent time on calls, in (0, 1].</param>
/// <param name="Shrinkage">Share of paid time not available for calls (breaks, training, absence), in [0, 1).</param>
public sealed record StaffingRequest(
    double CallsPerInterval,
    TimeSpan Interval,
    double AverageHandleSeconds,
    double ServiceLevelTarget,
    TimeSpan AnswerWithin,
    double MaxOccupancy,
    double Shrinkage)
{
    /// <summary>The industry defaults: 80% of calls answered within 20 s, occupancy at most 85%, 30% shrinkage.</summary>
    public StaffingRequest(double callsPerInterval, TimeSpan interval, double averageHandleSeconds)
        : this(callsPerInterval, interval, averageHandleSeconds, 0.8, TimeSpan.FromSeconds(20), 0.85, 0.3)
    {
    }

    // Each property validates both in the initializer (constructor) and in init (with-expressions).

    /// <summary>Calls expected in the interval.</summary>
    public double CallsPerInterval { get; init => field = StaffingGuard.NonNegative(value, nameof(CallsPerInterval)); }
        = StaffingGuard.NonNegative(CallsPerInterval, nameof(CallsPerInterval));

    /// <summary>Length of the interval the calls arrive in.</summary>
    public TimeSpan Interval { get; init => field = StaffingGuard.Positive(value, nameof(Interval)); }
        = StaffingGuard.Positive(Interval, nameof(Interval));

    /// <summary>Average handle time in seconds.</summary>
    public double AverageHandleSeconds { get; init => field = StaffingGuard.Positive(value, nameof(AverageHandleSeconds)); }
        = StaffingGuard.Positive(AverageHandleSeconds, nameof(AverageHandleSeconds));

    /// <summary>Share of calls to answer within <see cref="AnswerWithin"/>.</summary>
    public double ServiceLevelTarget { get; init => field = StaffingGuard.OpenUnit(value, nameof(ServiceLevelTarget)); }
        = StaffingGuard.OpenUnit(ServiceLevelTarget, nameof(ServiceLevelTarget));

    /// <summary>Answer-time threshold of the service level.</summary>
    public TimeSpan AnswerWithin { get; init => field = StaffingGuard.NonNegative(value, nameof(AnswerWithin)); }
        = StaffingGuard.NonNegative(AnswerWithin, nameof(AnswerWithin));

    /// <summary>Highest acceptable occupancy.</summary>
    public double MaxOccupancy { get; init => field = StaffingGuard.UnitExcludingZero(value, nameof(MaxOccupancy)); }
        = StaffingGuard.UnitExcludingZero(MaxOccupancy, nameof(MaxOccupancy));

    /// <summary>Share of paid time not available for calls.</summary>
    public double Shrinkage { get; init => field = StaffingGuard.UnitExcludingOne(value, nameof(Shrinkage)); }
        = StaffingGuard.UnitExcludingOne(Shrinkage, nameof(Shrinkage));

    /// <summary>Mean patience of waiting callers in seconds: set, staffing uses Erlang A (callers hang up after an
    /// exponential patience of this mean); null, Erlang C (callers wait for ever).</summary>
    public double? PatienceSeconds
    {
        get;
        init => field = value is { } v ? StaffingGuard.Positive(v, nameof(PatienceSeconds)) : null;
    }

    /// <summary>Offered load of this interval in Erlangs.</summary>
    public double TrafficErlangs => TrafficIntensity.Erlangs(CallsPerInterval, Interval, AverageHandleSeconds);
}
