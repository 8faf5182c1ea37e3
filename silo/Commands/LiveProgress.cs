using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace QmInsights.Silo.Commands;

/// <summary>Spectre.Console progress bars for long jobs on a terminal (import, demo ingestion, rebuild): one bar per
/// task with its share, count of total, rate, elapsed and remaining time, redrawn in place until
/// <see cref="Stop"/>. Where the output is redirected (CI logs, tests) the jobs print plain lines instead.</summary>
public sealed class LiveProgress : IAsyncDisposable
{
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ProgressContext _context = null!;
    private Task _display = Task.CompletedTask;

    private LiveProgress()
    {
    }

    /// <summary>True when bars can be drawn: <paramref name="log"/> is the console and the console is a terminal.</summary>
    public static bool Possible(TextWriter log) =>
        ReferenceEquals(log, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Starts drawing on <paramref name="console"/> (the terminal unless given: tests pass a recording one).</summary>
    public static async Task<LiveProgress> Start(IAnsiConsole? console = null)
    {
        var live = new LiveProgress();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        live._display = (console ?? AnsiConsole.Console).Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new CountColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                live._context = context;
                ready.SetResult();
                await live._finished.Task;
                context.Refresh();
            });
        await ready.Task;
        return live;
    }

    /// <summary>A new bar; <paramref name="total"/> null for work whose size is not known up front (no share, no
    /// remaining time, only the count and rate).</summary>
    public ProgressTask Add(string description, double? total)
    {
        // Unknown size: a maximum never reached, so the task keeps running (and its rate counting) until stopped.
        var task = _context.AddTask(description, maxValue: total ?? double.MaxValue);
        task.IsIndeterminate = total is null;
        return task;
    }

    /// <summary>Draws the bars a last time and gives the console back (plain writes may follow).</summary>
    public async Task Stop()
    {
        _finished.TrySetResult();
        await _display;
    }

    public async ValueTask DisposeAsync() => await Stop();

    /// <summary>"12,345/50,000 · 3,210/s": how many of how many, and how many a second.</summary>
    private sealed class CountColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            var total = task.IsIndeterminate ? "" : string.Create(CultureInfo.InvariantCulture, $"/{task.MaxValue:N0}");
            var rate = task.Speed is { } speed ? string.Create(CultureInfo.InvariantCulture, $" · {speed:N0}/s") : "";
            return new Text(string.Create(CultureInfo.InvariantCulture, $"{task.Value:N0}{total}{rate}"));
        }
    }
}
