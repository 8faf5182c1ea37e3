using System.Globalization;

namespace QmInsights.Silo.Demo;

/// <summary>A one-line progress display: rewritten in place on a terminal, a line every few seconds otherwise (CI logs).</summary>
public sealed class Progress(TextWriter log, string what, long expected)
{
    private readonly bool _interactive = !Console.IsOutputRedirected && ReferenceEquals(log, Console.Out);
    private TimeSpan? _lastPrinted;

    public void Report(long done, TimeSpan elapsed)
    {
        if (!_interactive && _lastPrinted is { } last && elapsed - last < TimeSpan.FromSeconds(5)) return;
        _lastPrinted = elapsed;
        var line = Line(done, elapsed);
        if (_interactive) log.Write($"\r{line,-100}");
        else log.WriteLine(line);
    }

    public void Done(IngestTotals totals, TimeSpan elapsed)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{what,-12} {totals.Submitted,10:N0} records in {elapsed.TotalSeconds,6:F1} s ({totals.Submitted / Math.Max(elapsed.TotalSeconds, 1e-9),9:N0}/s): {totals.Accepted:N0} accepted, {totals.Duplicates:N0} duplicates, {totals.Rejected:N0} rejected");
        if (_interactive) log.Write($"\r{line,-100}\n");
        else log.WriteLine(line);
        foreach (var r in totals.FirstRejections) log.WriteLine($"    rejected {r}");
    }

    private string Line(long done, TimeSpan elapsed)
    {
        var share = expected > 0 ? Math.Min(1.0, (double)done / expected) : 0;
        var bar = new string('#', (int)(share * 30)).PadRight(30, '.');
        var rate = done / Math.Max(elapsed.TotalSeconds, 1e-9);
        return string.Create(CultureInfo.InvariantCulture,
            $"{what,-12} [{bar}] {share,6:P1} {done,10:N0}/{expected:N0} {rate,9:N0}/s");
    }
}
