namespace QmInsights.Domain.Periods;

/// <summary>The centre's local calendar (configuration key <c>Centre:TimeZone</c>, an IANA id, default UTC): a record
/// belongs to the local day, week and month of its own time, so a call at 00:30 in Oslo counts for that Oslo date.
/// Days are calendar days, 23 or 25 hours long across a daylight-saving change.</summary>
public sealed class CentreCalendar
{
    /// <summary>The calendar of a centre that keeps UTC.</summary>
    public static readonly CentreCalendar Utc = new(TimeZoneInfo.Utc);

    public CentreCalendar(TimeZoneInfo zone)
    {
        Zone = zone;
    }

    /// <summary>The centre's time zone.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The calendar of IANA time zone <paramref name="ianaId"/>; an unknown id is refused with the setting's name.</summary>
    public static CentreCalendar Of(string? ianaId)
    {
        if (string.IsNullOrWhiteSpace(ianaId)) return Utc;
        try
        {
            return new CentreCalendar(TimeZoneInfo.FindSystemTimeZoneById(ianaId.Trim()));
        }
        catch (TimeZoneNotFoundException)
        {
            throw new ArgumentException($"Centre:TimeZone: '{ianaId}' is not a known IANA time zone (e.g. Europe/Oslo, America/New_York, UTC)", nameof(ianaId));
        }
    }

    /// <summary>The local date-and-time of <paramref name="time"/> in the centre.</summary>
    public DateTime LocalTime(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone).DateTime;

    /// <summary>The centre's date of <paramref name="time"/>.</summary>
    public DateOnly DayOf(DateTimeOffset time) => DateOnly.FromDateTime(LocalTime(time));

    /// <summary>The instant the centre's <paramref name="day"/> begins (local midnight, or the first valid local time
    /// when a daylight-saving change skips midnight).</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (Zone.IsInvalidTime(local)) local = local.AddMinutes(15);
        // An ambiguous midnight (clocks put back over it) begins at its first occurrence, the larger offset.
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>How long the centre's <paramref name="day"/> is: 24 hours, or 23/25 on a daylight-saving change.</summary>
    public TimeSpan LengthOf(DateOnly day) => StartOf(day.AddDays(1)) - StartOf(day);
}
