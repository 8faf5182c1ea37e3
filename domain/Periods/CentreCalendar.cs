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

    /// <summary>The calendar of IANA time zone <paramref name="ianaId"/> (UTC when empty); an unknown id is refused with
    /// <see cref="ProblemWith"/>'s text for <paramref name="field"/>.</summary>
    public static CentreCalendar Of(string? ianaId, string field = "Centre:TimeZone")
    {
        if (string.IsNullOrWhiteSpace(ianaId)) return Utc;
        return TimeZoneInfo.TryFindSystemTimeZoneById(ianaId.Trim(), out var zone)
            ? new CentreCalendar(zone)
            : throw new ArgumentException(ProblemWith(field, ianaId), nameof(ianaId));
    }

    /// <summary>What is wrong with <paramref name="ianaId"/> as the time zone of <paramref name="field"/>, or null when it
    /// is empty or a known zone: the one wording every setting, option and profile field that names a zone uses.</summary>
    public static string? ProblemWith(string field, string? ianaId) =>
        string.IsNullOrWhiteSpace(ianaId) || TimeZoneInfo.TryFindSystemTimeZoneById(ianaId.Trim(), out _)
            ? null
            : $"{field}: '{ianaId}' is not a known IANA time zone (e.g. Europe/Oslo, America/New_York, UTC)";

    /// <summary>The local date-and-time of <paramref name="time"/> in the centre.</summary>
    public DateTime LocalTime(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone).DateTime;

    /// <summary>The centre's local date-and-time at UTC instant <paramref name="utc"/>.</summary>
    public DateTime LocalTime(DateTime utc) => Zone == TimeZoneInfo.Utc ? utc : TimeZoneInfo.ConvertTimeFromUtc(utc, Zone);

    /// <summary>The UTC instant at the same local clock time <paramref name="weeks"/> weeks before UTC instant
    /// <paramref name="utc"/>: 167 or 169 hours a week back across a daylight-saving change, so an intraday profile stays
    /// put in local time. A local time the spring change skips does not exist; the hour after it stands in.</summary>
    public DateTime SameLocalTimeWeeksBefore(DateTime utc, int weeks)
    {
        if (Zone == TimeZoneInfo.Utc) return utc.AddDays(-7 * weeks);
        var local = LocalTime(utc).AddDays(-7 * weeks);
        if (Zone.IsInvalidTime(local)) local = local.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);
    }

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
