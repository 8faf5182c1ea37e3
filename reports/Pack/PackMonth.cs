using System.Globalization;

namespace QmInsights.Reports.Pack;

/// <summary>A calendar month as the pack names it (yyyy-MM), with its first and last day.</summary>
public readonly record struct PackMonth(int Year, int Month)
{
    public DateOnly First => new(Year, Month, 1);
    public DateOnly Last => new(Year, Month, DateTime.DaysInMonth(Year, Month));
    public PackMonth Previous => Of(First.AddMonths(-1));

    public static PackMonth Of(DateOnly day) => new(day.Year, day.Month);

    /// <summary>The last complete month before <paramref name="now"/>.</summary>
    public static PackMonth LastComplete(DateTimeOffset now) => Of(DateOnly.FromDateTime(now.UtcDateTime)).Previous;

    /// <summary>The latest month with contacts that is over: the latest contact's month once <paramref name="now"/> is past
    /// it, else the month before it (closed by the later contacts).</summary>
    public static PackMonth LatestClosed(DateOnly latestContact, DateTimeOffset now)
    {
        var latest = Of(latestContact);
        return latest.First <= LastComplete(now).First ? latest : latest.Previous;
    }

    public static bool TryParse(string? text, out PackMonth month)
    {
        month = default;
        if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || text!.Length != 7)
            return false;
        month = Of(day);
        return true;
    }

    public override string ToString() => First.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
