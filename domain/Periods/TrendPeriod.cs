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
