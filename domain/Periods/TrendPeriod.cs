using System.Globalization;

namespace QmInsights.Domain.Periods;

/// <summary>The length of the periods a trend is broken into.</summary>
[GenerateSerializer, Alias("qm.TrendPeriod")]
public enum TrendPeriod
{
    /// <summary>ISO 8601 weeks (Monday to Sunday), named like 2026-W05.</summary>
    Week,
    /// <summary>Calendar months, named like 2026-01.</summary>
    Month,
}

/// <summary>Maps days to their trend period.</summary>
public static class TrendPeriods
{
    public static DateOnly StartOf(this TrendPeriod period, DateOnly day) => period switch
    {
        TrendPeriod.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        _ => new DateOnly(day.Year, day.Month, 1),
    };

    public static DateOnly NextStart(this TrendPeriod period, DateOnly start) => period switch
    {
        TrendPeriod.Week => start.AddDays(7),
        _ => start.AddMonths(1),
    };

    /// <summary>The last day of the period starting on <paramref name="start"/> (the calendar's last day at most).</summary>
    public static DateOnly EndOf(this TrendPeriod period, DateOnly start) => period switch
    {
        TrendPeriod.Week => DateOnly.FromDayNumber(Math.Min(start.DayNumber + 6, DateOnly.MaxValue.DayNumber)),
        _ => new DateOnly(start.Year, start.Month, DateTime.DaysInMonth(start.Year, start.Month)),
    };

    /// <summary>How many periods lie between the periods starting on <paramref name="first"/> and <paramref name="last"/>.</summary>
    public static long Count(this TrendPeriod period, DateOnly first, DateOnly last) => period switch
    {
        TrendPeriod.Week => (last.DayNumber - first.DayNumber) / 7,
        _ => (last.Year - first.Year) * 12L + last.Month - first.Month,
    };

    public static string Name(this TrendPeriod period, DateOnly start)
    {
        if (period == TrendPeriod.Month) return start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var date = start.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}";
    }

    /// <summary>Reads "week" or "month" (any case); null for anything else.</summary>
    public static TrendPeriod? Parse(string? text) => text?.ToLowerInvariant() switch
    {
        "week" => TrendPeriod.Week,
        "month" => TrendPeriod.Month,
        _ => null,
    };
}
