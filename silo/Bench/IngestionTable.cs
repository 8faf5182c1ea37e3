using System.Globalization;

namespace QmInsights.Silo.Bench;

/// <summary>The ingestion table of a bench: records/s by kind for each engine run, next to PostgreSQL's binary COPY of
/// the same rows, and each run's total time as a multiple of COPY's (the figure the speed target is about).</summary>
public static class IngestionTable
{
    /// <summary>Prints one row per engine run, then the COPY baseline (and COPY followed by the indexes a query needs,
    /// when <paramref name="indexing"/> is given).</summary>
    public static void Print(TextWriter log, BenchData data, IReadOnlyList<(string Name, KindTimes Times)> runs, KindTimes copy,
        TimeSpan? indexing = null)
    {
        log.WriteLine($"| ingestion: {data.Interactions.Count:N0} interactions, {data.Surveys.Count:N0} surveys, {data.Evaluations.Count:N0} evaluations " +
                      "| interactions/s | surveys/s | evaluations/s | all records/s | seconds | vs COPY (one run each) |");
        log.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, times) in runs) log.WriteLine(Row(name, data, times, copy.Total));
        log.WriteLine(Row("PostgreSQL binary COPY (baseline)", data, copy, copy.Total));
        if (indexing is { } index)
        {
            var total = copy.Total + index;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| PostgreSQL COPY + indexes (baseline) | | | | {data.Records / total.TotalSeconds:N0} | {total.TotalSeconds:F2} | {total / copy.Total:F2}x |"));
        }
    }

    private static string Row(string name, BenchData data, KindTimes times, TimeSpan copy) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {Rate(data.Interactions.Count, times.Interactions)} | {Rate(data.Surveys.Count, times.Surveys)} | " +
        $"{Rate(data.Evaluations.Count, times.Evaluations)} | {Rate(data.Records, times.Total)} | {times.Total.TotalSeconds:F2} | {times.Total / copy:F2}x |");

    private static string Rate(long records, TimeSpan elapsed) =>
        records == 0 ? "" : (records / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture);
}
