using QmInsights.Domain.Forecasting;
using QmInsights.Domain.Periods;

namespace QmInsights.Silo.Bench;

/// <summary>A real arrivals series for the forecast backtest: the hourly derivative (<c>tests/RealLog/bank-calls-2003-hourly.csv</c>)
/// of <c>bank_calls</c> in the R package fpp3 (GPL-3; via Rdatasets <c>csv/fpp3/bank_calls.csv</c>): calls to a large North
/// American commercial bank per five minutes, weekdays 07:00-21:05, 3 March - 24 October 2003 (164 days; Weinberg, Brown
/// &amp; Stroud, JASA 102, 2007). Times are the centre's clock; we lay them on New York time, whose spring change (6 April)
/// falls inside. The file gives no handle time and no abandonment: volume only.</summary>
public static class RealArrivals
{
    /// <summary>The file's name in the repository's <c>tests/RealLog</c> folder (copied next to the test assembly).</summary>
    public const string FileName = "bank-calls-2003-hourly.csv";

    /// <summary>The centre's calendar the series is laid on.</summary>
    public static CentreCalendar Calendar { get; } = CentreCalendar.Of("America/New_York");

    /// <summary>The US federal holidays inside the series on which the log has no calls (Memorial Day, Independence Day, Labor
    /// Day): a planner knows them in advance, so they are declared. The log's other three missing weekdays (4 and 7 April,
    /// 14 October) are not holidays; they stay undeclared gaps that count as empty hours for the model and both baselines.</summary>
    public static PeakCalendar Holidays { get; } = new(
        new[] { new DateOnly(2003, 5, 26), new DateOnly(2003, 7, 4), new DateOnly(2003, 9, 1) }
            .Select(d => new PeakPeriod($"us-{d:yyyy-MM-dd}", "US federal holiday", d, d, PeakKind.Holiday, "US", null)), null, "US");

    /// <summary>The series read from <paramref name="path"/>.</summary>
    public static TallySeries Read(string path) => HourlyArrivalCounts.Read(File.ReadLines(path), Calendar, 300);

    /// <summary>The repository's copy of the file, looked for from the working directory upwards; null when not found.</summary>
    public static string? FindInRepository()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "RealLog", FileName);
            if (File.Exists(path)) return path;
        }
        return null;
    }
}
