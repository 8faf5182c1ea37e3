using QmInsights.Domain.Periods;
using QmInsights.Grains.Queues;
using QmInsights.Silo.Security;

namespace QmInsights.Silo.Api;

/// <summary>Queue service figures for planners and managers: offered, handled, abandoned, abandon rate, service level
/// and ASA per queue and local hour or day.</summary>
public static class QueueEndpoints
{
    public static void MapQueues(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/queues/figures", (HttpRequest request, QueueService queues, CentreCalendar calendar) =>
            {
                var (range, problem) = QueryRange.Read(request);
                if (problem is not null) return Task.FromResult(problem);
                var interval = request.Query["interval"].ToString().ToLowerInvariant();
                if (interval is not ("" or "hour" or "day"))
                    return Task.FromResult(Results.ValidationProblem(new Dictionary<string, string[]> { ["interval"] = [$"'{interval}' is not one of hour, day"] }));
                var queue = request.Query["queue"].ToString();
                // Default: the last seven days of the centre's calendar, today included.
                var to = range!.To ?? calendar.DayOf(DateTimeOffset.UtcNow);
                var from = range.From ?? to.AddDays(-6);
                return Run(queues, queue.Length > 0 ? queue : null, from, to, interval == "hour");
            })
            .WithTags("Queues").RequireAuthorization(Policies.Aggregates)
            .WithSummary("Per queue: total and per interval (interval=day (default) or hour, in the centre's time zone) offered, handled, abandoned, shortAbandoned, abandonRate, serviceLevel (answered within Centre:ServiceLevelSeconds / offered), asaSeconds and ahtSeconds over the local days from..to (default the last 7).");
    }

    private static async Task<IResult> Run(QueueService queues, string? queue, DateOnly from, DateOnly to, bool hourly) =>
        Results.Ok(await queues.Figures(queue, from, to, hourly));
}
