namespace QmInsights.Domain.Forecasting;

/// <summary>The granularity planners forecast at.</summary>
public enum IntervalLength
{
    QuarterHour,
    Hour,
    Day,
}

/// <summary>Lengths, weekly periods and parsing of <see cref="IntervalLength"/>.</summary>
public static class IntervalLengths
{
    public static TimeSpan Span(this IntervalLength length) => length switch
    {
        IntervalLength.QuarterHour => TimeSpan.FromMinutes(15),
        IntervalLength.Hour => TimeSpan.FromHours(1),
        _ => TimeSpan.FromDays(1),
    };

    /// <summary>Intervals in a week: the seasonal period (672, 168 or 7).</summary>
    public static int PerWeek(this IntervalLength length) => (int)(TimeSpan.FromDays(7) / length.Span());

    /// <summary>The start of the interval holding <paramref name="utc"/>.</summary>
    public static DateTime Floor(this IntervalLength length, DateTime utc) =>
        new(utc.Ticks - utc.Ticks % length.Span().Ticks, DateTimeKind.Utc);

    /// <summary>Reads "15min"/"quarter", "hour" or "day"; null when the text is none of them.</summary>
    public static IntervalLength? Parse(string text) => text.ToLowerInvariant() switch
    {
        "15min" or "15m" or "quarter" or "quarterhour" => IntervalLength.QuarterHour,
        "hour" or "1h" or "60min" => IntervalLength.Hour,
        "day" or "1d" => IntervalLength.Day,
        _ => null,
    };

    public static string Name(this IntervalLength length) => length switch
    {
        IntervalLength.QuarterHour => "15min",
        IntervalLength.Hour => "hour",
        _ => "day",
    };
}
