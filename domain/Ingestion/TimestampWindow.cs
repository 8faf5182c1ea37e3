using System.Globalization;

namespace QmInsights.Domain.Ingestion;

/// <summary>The times a fact may plausibly carry: from <see cref="Earliest"/> (a UTC day) to <see cref="LatestAheadDays"/>
/// days after today (UTC). One record dated 9999 or 1900 would otherwise stretch every trend, forecast and pack to that
/// year; historical imports widen the window explicitly (<c>Ingestion:EarliestTimestamp</c>).</summary>
public sealed record TimestampWindow(DateOnly Earliest, int LatestAheadDays)
{
    /// <summary>The most days ahead a window may allow: ten years keeps every derived calendar finite.</summary>
    public const int MaxAheadDays = 3650;

    /// <summary>2000-01-01 to two days ahead: the behaviour when nothing is configured.</summary>
    public static readonly TimestampWindow Default = new(new DateOnly(2000, 1, 1), 2);

    /// <summary>The last UTC day accepted on <paramref name="now"/>.</summary>
    public DateOnly Latest(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime).AddDays(LatestAheadDays);

    /// <summary>True when <paramref name="day"/> lies inside the window on <paramref name="now"/>.</summary>
    public bool Contains(DateOnly day, DateTimeOffset now) => day >= Earliest && day <= Latest(now);

    /// <summary>Why a fact whose <paramref name="field"/> is <paramref name="time"/> may not be stored, or null.</summary>
    public string? Check(string field, DateTimeOffset time, DateTimeOffset now)
    {
        var day = DateOnly.FromDateTime(time.UtcDateTime);
        if (day < Earliest)
            return $"{field}: {time:yyyy-MM-dd} is before {Earliest:yyyy-MM-dd}, the earliest day accepted " +
                   "(Ingestion:EarliestTimestamp; set it earlier for a historical import)";
        var latest = Latest(now);
        return day > latest
            ? $"{field}: {time:yyyy-MM-dd} is in the future (at most {LatestAheadDays} days ahead, until {latest:yyyy-MM-dd}, are accepted; Ingestion:LatestAheadDays)"
            : null;
    }

    /// <summary>From the two configuration values (null or blank: the default); throws with the key's name when one is invalid.</summary>
    public static TimestampWindow From(string? earliest, string? latestAheadDays)
    {
        var window = Default;
        if (!string.IsNullOrWhiteSpace(earliest))
        {
            if (!DateOnly.TryParseExact(earliest.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                throw new FormatException($"Ingestion:EarliestTimestamp: '{earliest}' must be a date (yyyy-MM-dd)");
            window = window with { Earliest = day };
        }
        if (!string.IsNullOrWhiteSpace(latestAheadDays))
        {
            if (!int.TryParse(latestAheadDays, CultureInfo.InvariantCulture, out var days) || days is < 0 or > MaxAheadDays)
                throw new FormatException($"Ingestion:LatestAheadDays: '{latestAheadDays}' must be a whole number of days from 0 to {MaxAheadDays}");
            window = window with { LatestAheadDays = days };
        }
        return window;
    }
}
