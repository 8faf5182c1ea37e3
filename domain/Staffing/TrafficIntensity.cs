namespace QmInsights.Domain.Staffing;

/// <summary>Offered load in Erlangs: how many agents would be busy on average if every call were answered at once.</summary>
public static class TrafficIntensity
{
    /// <summary>Erlangs offered by <paramref name="calls"/> calls of <paramref name="averageHandleSeconds"/> each spread over <paramref name="interval"/>.</summary>
    public static double Erlangs(double calls, TimeSpan interval, double averageHandleSeconds)
    {
        StaffingGuard.NonNegative(calls, nameof(calls));
        StaffingGuard.Positive(interval, nameof(interval));
        StaffingGuard.Positive(averageHandleSeconds, nameof(averageHandleSeconds));
        return calls * averageHandleSeconds / interval.TotalSeconds;
    }
}
