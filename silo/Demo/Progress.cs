using System.Globalization;
using QmInsights.Silo.Commands;

namespace QmInsights.Silo.Demo;

/// <summary>Progress of sending records: a Spectre.Console bar with counts and rate on a terminal, a plain line every
/// few seconds otherwise (CI logs, tests); then one line of totals either way.</summary>
public sealed class Progress : IAsyncDisposable
{
    private readonly TextWriter _log;
    private readonly string _what;
    private readonly long _expected;
    private readonly LiveProgress? _live;
    private readonly Spectre.Console.ProgressTask? _bar;
    private TimeSpan? _lastPrinted;

    private Progress(TextWriter log, string what, long expected, LiveProgress? live)
    {
        (_log, _what, _expected, _live) = (log, what, expected, live);
        _bar = live?.Add(what, Math.Max(1, expected));
    }

    /// <summary>Starts showing the progress of <paramref name="expected"/> records of <paramref name="what"/>.</summary>
    public static async Task<Progress> Start(TextWriter log, string what, long expected) =>
        new(log, what, expected, LiveProgress.Possible(log) ? await LiveProgress.Start() : null);

    /// <summary><paramref name="done"/> records sent after <paramref name="elapsed"/>.</summary>
    public void Report(long done, TimeSpan elapsed)
    {
        if (_bar is not null)
        {
            _bar.Value = done;
            return;
        }
        if (_lastPrinted is { } last && elapsed - last < TimeSpan.FromSeconds(5)) return;
        _lastPrinted = elapsed;
        _log.WriteLine(Line(done, elapsed));
    }

    /// <summary>Ends the bar and prints the totals and the first rejections.</summary>
    public async Task Done(IngestTotals totals, TimeSpan elapsed)
    {
        // The expected count is an estimate (the demo's): the bar ends full at what was sent.
        if (_bar is not null) (_bar.MaxValue, _bar.Value) = (Math.Max(1, totals.Submitted), totals.Submitted);
        await Stop();
        _log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{_what,-12} {totals.Submitted,10:N0} records in {elapsed.TotalSeconds,6:F1} s ({totals.Submitted / Math.Max(elapsed.TotalSeconds, 1e-9),9:N0}/s): {totals.Accepted:N0} accepted, {totals.Duplicates:N0} duplicates, {totals.Rejected:N0} rejected"));
        foreach (var r in totals.FirstRejections) _log.WriteLine($"    rejected {r}");
    }

    /// <summary>Gives the console back (before an error is printed, say); nothing when no bar is drawn.</summary>
    public Task Stop() => _live?.Stop() ?? Task.CompletedTask;

    public async ValueTask DisposeAsync() => await Stop();

    private string Line(long done, TimeSpan elapsed)
    {
        var share = _expected > 0 ? Math.Min(1.0, (double)done / _expected) : 0;
        var bar = new string('#', (int)(share * 30)).PadRight(30, '.');
        var rate = done / Math.Max(elapsed.TotalSeconds, 1e-9);
        return string.Create(CultureInfo.InvariantCulture,
            $"{_what,-12} [{bar}] {share,6:P1} {done,10:N0}/{_expected:N0} {rate,9:N0}/s");
    }
}
