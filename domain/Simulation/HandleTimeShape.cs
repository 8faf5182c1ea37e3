namespace QmInsights.Domain.Simulation;

/// <summary>How handle time varies over the centre's local week: morning callers bring the knotty cases, late afternoons
/// are quicker, Mondays carry the weekend's backlog and Saturdays the simple questions. A multiplier on each contact's
/// handle time, so a forecast has an hour-of-week shape to learn that the channel norm alone does not give.</summary>
public static class HandleTimeShape
{
    // Local hours 08-19.
    private static readonly double[] Hour = [1.12, 1.09, 1.06, 1.03, 1.0, 0.98, 0.99, 0.96, 0.94, 0.93, 0.95, 0.98];

    /// <summary>The multiplier of a contact starting at local <paramref name="hour"/> on <paramref name="day"/>.</summary>
    public static double Factor(DayOfWeek day, int hour)
    {
        var weekday = day switch
        {
            DayOfWeek.Monday => 1.06, DayOfWeek.Tuesday => 1.02, DayOfWeek.Wednesday => 1.0,
            DayOfWeek.Thursday => 0.99, DayOfWeek.Friday => 0.97, _ => 0.92,
        };
        return weekday * (hour is >= 8 and <= 19 ? Hour[hour - 8] : 1.0);
    }
}
