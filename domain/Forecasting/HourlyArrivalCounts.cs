using System.Globalization;
using QmInsights.Domain.Periods;

namespace QmInsights.Domain.Forecasting;

/// <summary>An arrivals series kept as counts per local day and hour, the compact form of a public call log: a header
/// <c>date,h07,h08,...</c> naming the local hours, then one row per day (<c>yyyy-MM-dd</c> and a count per hour); lines
/// starting with <c>#</c> carry provenance. Read into an hourly <see cref="TallySeries"/> on the UTC grid of the centre's
/// calendar, days without a row and hours without a column as empty intervals.</summary>
public static class HourlyArrivalCounts
{
    /// <summary>The series of <paramref name="lines"/> from the local midnight of its first day to that after its last.
    /// Such files hold no handle times: every contact is given <paramref name="nominalHandleSeconds"/>, so the handle-time
    /// model has nothing to learn and only the volume figures of a forecast or backtest mean anything.</summary>
    public static TallySeries Read(IEnumerable<string> lines, CentreCalendar calendar, double nominalHandleSeconds)
    {
        var rows = lines.Select((text, i) => (Text: text.Trim(), Line: i + 1)).Where(r => r.Text.Length > 0 && !r.Text.StartsWith('#')).ToList();
        if (rows.Count < 2) throw new FormatException("the file needs a header row and at least one day");
        var hours = rows[0].Text.Split(',').Skip(1).Select(h => h.Length == 3 && h[0] == 'h' && int.TryParse(h[1..], out var hour) && hour is >= 0 and < 24
            ? hour : throw new FormatException($"line {rows[0].Line}: column '{h}' is not an hour h00-h23")).ToArray();
        var days = rows.Skip(1).Select(r =>
        {
            var cells = r.Text.Split(',');
            if (cells.Length != hours.Length + 1) throw new FormatException($"line {r.Line}: {cells.Length} cells, the header has {hours.Length + 1}");
            if (!DateOnly.TryParseExact(cells[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                throw new FormatException($"line {r.Line}: date '{cells[0]}' is not yyyy-MM-dd");
            var counts = cells.Skip(1).Select(c => long.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n : throw new FormatException($"line {r.Line}: count '{c}' is not a whole number >= 0")).ToArray();
            return (Day: day, Counts: counts);
        }).OrderBy(d => d.Day).ToList();

        var start = calendar.StartOf(days[0].Day).UtcDateTime;
        var n = (int)Math.Round((calendar.StartOf(days[^1].Day.AddDays(1)).UtcDateTime - start).TotalHours);
        var offered = new long[n];
        foreach (var (day, counts) in days)
            for (var k = 0; k < hours.Length; k++)
            {
                var local = day.ToDateTime(new TimeOnly(hours[k], 0));
                // An hour the spring change skips has no calls of its own.
                if (calendar.Zone.IsInvalidTime(local)) continue;
                var i = (int)Math.Round((TimeZoneInfo.ConvertTimeToUtc(local, calendar.Zone) - start).TotalHours);
                offered[i] += counts[k];
            }
        return new TallySeries(IntervalLength.Hour, start, offered, offered.Select(c => c * nominalHandleSeconds).ToArray(),
            offered.Select(c => c * nominalHandleSeconds * nominalHandleSeconds).ToArray(), calendar.Zone);
    }
}
