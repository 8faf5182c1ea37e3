using QmInsights.Domain.Facts;
using QmInsights.Domain.Periods;

namespace QmInsights.Domain.Queues;

/// <summary>Sums contacts into per-queue tallies by local interval (an hour or a day of the centre's calendar).</summary>
public static class QueueIntervals
{
    /// <summary>Tallies of the contacts of <paramref name="queue"/> (null: every queue) whose local day lies in
    /// [<paramref name="from"/>, <paramref name="to"/>], keyed by queue and local interval start. An hour is keyed with
    /// its own offset, so the repeated hour of an autumn daylight-saving change stays two hours.</summary>
    public static Dictionary<(string Queue, DateTimeOffset Start), QueueTally> Of(IEnumerable<Interaction> contacts, string? queue,
        DateOnly from, DateOnly to, bool hourly, QueueThresholds thresholds, CentreCalendar calendar)
    {
        var tallies = new Dictionary<(string, DateTimeOffset), QueueTally>();
        foreach (var c in contacts)
        {
            if (queue is not null && c.Queue != queue) continue;
            var day = calendar.DayOf(c.StartedAt);
            if (day < from || day > to) continue;
            var start = hourly ? HourOf(c.StartedAt, calendar) : calendar.StartOf(day).ToOffset(calendar.Zone.GetUtcOffset(calendar.StartOf(day)));
            var key = (c.Queue, start);
            tallies[key] = tallies.GetValueOrDefault(key) + QueueTally.Of(c, thresholds);
        }
        return tallies;
    }

    // The local hour with the offset in force at the contact's own instant.
    private static DateTimeOffset HourOf(DateTimeOffset time, CentreCalendar calendar)
    {
        var local = TimeZoneInfo.ConvertTime(time, calendar.Zone);
        return new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, local.Offset);
    }
}
