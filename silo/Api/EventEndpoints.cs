using System.Net.ServerSentEvents;
using QmInsights.Silo.Live;

namespace QmInsights.Silo.Api;

/// <summary>Server-sent events for live views: "changed" names the agents, teams and scorecards whose figures new data
/// changed (at most one message a second), so a page re-reads only what it shows.</summary>
public static class EventEndpoints
{
    // Proxies close idle connections; a comment-like ping keeps the stream open without waking the page.
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(20);

    public static void MapEvents(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/events").WithTags("Live");

        // The stream ends when the browser leaves or the silo stops (else shutdown would wait for every open page).
        api.MapGet("", (LiveChanges live, IHostApplicationLifetime lifetime, CancellationToken aborted) =>
                TypedResults.ServerSentEvents(Stream(live, CancellationTokenSource.CreateLinkedTokenSource(aborted, lifetime.ApplicationStopping))))
            .WithSummary("text/event-stream: 'hello' on connect, then 'changed' {agents, teams, scorecards, reload} after accepted data, 'ping' every 20 s of quiet.");
    }

    private static async IAsyncEnumerable<SseItem<object>> Stream(LiveChanges live, CancellationTokenSource end)
    {
        using var ending = end;
        var aborted = end.Token;
        var (changes, subscription) = live.Subscribe();
        using var _ = subscription;
        yield return new SseItem<object>(new { connected = DateTimeOffset.UtcNow }, "hello");
        while (!aborted.IsCancellationRequested)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            wait.CancelAfter(Heartbeat);
            bool ready;
            try
            {
                ready = await changes.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
            {
                ready = false;
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
            if (!ready)
            {
                yield return new SseItem<object>(new { }, "ping");
                continue;
            }
            while (changes.TryRead(out var change))
                yield return new SseItem<object>(new
                {
                    version = change.Version,
                    agents = change.Change.Agents,
                    teams = change.Change.Teams,
                    scorecards = change.Change.Scorecards,
                    reload = change.Reload,
                }, "changed");
        }
    }
}
