using System.Globalization;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Periods;

namespace QmInsights.Silo.Api;

/// <summary>The from/to/period query parameters of a summary: dates (or date-times, taken as their day in the centre's
/// time zone), both days inclusive; period week (default) or month; optionally one channel.</summary>
public sealed record QueryRange(DateOnly? From, DateOnly? To, TrendPeriod Period, Channel? Channel = null)
{
    /// <summary>Reads the parameters, or returns a problem naming the parameter that is wrong.</summary>
    public static (QueryRange? Range, IResult? Problem) Read(HttpRequest request)
    {
        var problems = new Dictionary<string, string[]>();
        var calendar = request.HttpContext.RequestServices.GetService<CentreCalendar>() ?? CentreCalendar.Utc;
        var from = Day(request.Query["from"], "from", calendar, problems);
        var to = Day(request.Query["to"], "to", calendar, problems);
        var periodText = request.Query["period"].ToString();
        var period = string.IsNullOrEmpty(periodText) ? TrendPeriod.Week : TrendPeriods.Parse(periodText);
        if (period is null) problems["period"] = [$"'{periodText}' is not one of week, month"];
        if (from is { } f && to is { } t && f > t) problems["to"] = [$"{t:yyyy-MM-dd} is before from ({f:yyyy-MM-dd})"];
        var channel = ReadChannel(request, problems);
        return problems.Count > 0
            ? (null, Results.ValidationProblem(problems, title: "Invalid query parameters"))
            : (new QueryRange(from, to, period!.Value, channel), null);
    }

    /// <summary>The optional channel parameter (call, email or chat, any case).</summary>
    public static Channel? ReadChannel(HttpRequest request, Dictionary<string, string[]> problems)
    {
        var text = request.Query["channel"].ToString();
        if (text.Length == 0) return null;
        if (Enum.TryParse<Channel>(text, ignoreCase: true, out var c) && Enum.IsDefined(c)) return c;
        problems["channel"] = [$"'{text}' is not one of call, email, chat"];
        return null;
    }

    private static DateOnly? Day(string? text, string name, CentreCalendar calendar, Dictionary<string, string[]> problems)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            return calendar.DayOf(time);
        problems[name] = [$"'{text}' is not a date (yyyy-MM-dd) or ISO 8601 date-time"];
        return null;
    }
}
