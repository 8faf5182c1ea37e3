using System.Threading.Channels;
using System.Net.ServerSentEvents;
using QmInsights.Domain.Access;
using QmInsights.Domain.Live;
using QmInsights.Grains.Interfaces;
using QmInsights.Silo.Live;
using QmInsights.Silo.Security;

namespace QmInsights.Silo.Api;

/// <summary>Server-sent events for live views: "changed" names the agents, teams and scorecards whose figures new data
/// changed (at most one message a second), so a page re-reads only what it shows.</summary>
public static class EventEndpoints
{
    // Proxies close idle connections; a comment-like ping keeps the stream open without waking the page.
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(20);

    public static void MapEvents(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/events").WithTags("Live").RequireAuthorization(Policies.Viewer);

        // The stream ends when the browser leaves or the silo stops (else shutdown would wait for every open page).
        api.MapGet("", (HttpContext context, LiveChanges live, IHostApplicationLifetime lifetime, CancellationToken aborted) =>
            {
                var caller = context.User.Caller()!;
                if (live.Subscribe(caller.TokenId ?? $"{Roles.Name(caller.Role)}:{caller.Name}", caller.TokenId) is not { } subscription)
                    return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many live streams",
                        detail: $"this token already holds {live.MaxStreamsPerCaller} open /api/events streams (Live:MaxStreamsPerCaller); close one first");
                return TypedResults.ServerSentEvents(Stream(subscription, Filter(caller, live),
                    CancellationTokenSource.CreateLinkedTokenSource(aborted, lifetime.ApplicationStopping, subscription.Revoked)));
            })
            .WithSummary("text/event-stream: 'hello' on connect, then 'changed' {agents, teams, scorecards, reload} after accepted data (only the agents and teams the caller may see), 'ping' every 20 s of quiet. At most Live:MaxStreamsPerCaller streams per token (429 beyond); a stream ends when its token is revoked or expires.");
    }

    /// <summary>Narrows a change to what the caller may see; admins and QA managers see all without a roster lookup.</summary>
    private static Func<ChangesSince, Task<DataChange>> Filter(Caller caller, LiveChanges live) =>
        caller.Role is Role.Admin or Role.QaManager
            ? change => Task.FromResult(change.Change)
            : async change =>
            {
                // The roster as it is now (read once per change for every stream): a team lead's view follows agents who move team.
                var teamOf = await live.TeamsAt(change.Version);
                return change.Change with
                {
                    Agents = change.Change.Agents.Where(a => Visibility.SeesAgent(caller, a, teamOf.GetValueOrDefault(a))).ToList(),
                    Teams = change.Change.Teams.Where(t => Visibility.SeesTeam(caller, t)).ToList(),
                };
            };

    private static async IAsyncEnumerable<SseItem<object>> Stream(
        (ChannelReader<ChangesSince> Changes, CancellationToken Revoked, IDisposable Subscription) subscribed,
        Func<ChangesSince, Task<DataChange>> visible, CancellationTokenSource end)
    {
        using var ending = end;
        var aborted = end.Token;
        var (changes, _, subscription) = subscribed;
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
            {
                var seen = await visible(change);
                yield return new SseItem<object>(new
                {
                    version = change.Version,
                    agents = seen.Agents,
                    teams = seen.Teams,
                    scorecards = seen.Scorecards,
                    reload = change.Reload,
                }, "changed");
            }
        }
    }
}
