namespace QmInsights.Domain.Periods;

/// <summary>When the contacts of each UTC day last changed, as a sequence number: a cache of figures derived from the
/// contacts up to a day (a forecast trained on the history before it) stays valid while only later days change, so
/// today's contacts flowing in leave last month's figures alone.</summary>
public sealed class DayVersions
{
    private readonly Dictionary<int, long> _lastChange = new();
    private long _sequence, _everything;

    /// <summary>A contact that started at <paramref name="startedAt"/> changed (arrived, or its survey or evaluation did).</summary>
    public void Changed(DateTimeOffset startedAt) =>
        _lastChange[DateOnly.FromDateTime(startedAt.UtcDateTime).DayNumber] = ++_sequence;

    /// <summary>Rows of any day may have changed (reloaded, retired, erased).</summary>
    public void ChangedAll() => _everything = ++_sequence;

    /// <summary>The last change to contacts up to the end of <paramref name="through"/>, both as a UTC day and as a day of
    /// <paramref name="calendar"/> (a centre west of UTC ends its day on the next UTC day): equal answers mean nothing up
    /// to that day changed in between.</summary>
    public long Through(DateOnly through, CentreCalendar calendar)
    {
        var last = _everything;
        var localEnd = DateOnly.FromDateTime(calendar.StartOf(through.AddDays(1)).UtcDateTime.AddTicks(-1));
        var until = Math.Max(through.DayNumber, localEnd.DayNumber);
        foreach (var (day, change) in _lastChange)
            if (day <= until && change > last) last = change;
        return last;
    }
}
