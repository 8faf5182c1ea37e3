using System.Diagnostics;
using QmInsights.Storage;
using QmInsights.Grains.Storage;
using QmInsights.Grains.Telemetry;
using QmInsights.Silo.Audit;
using QmInsights.Silo.Security;

namespace QmInsights.Silo.Api;

/// <summary>Operations on the whole engine.</summary>
public static class AdminEndpoints
{
    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/admin/rebuild", async (HttpContext context, AggregateRebuild rebuild, IFactStore facts, EngineMetrics metrics) =>
            {
                if (!facts.IsDurable)
                {
                    await Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "No stored facts",
                        detail: "A rebuild recomputes from the stored facts: start the engine with Storage:Provider=Postgres or Storage:Provider=Azure").ExecuteAsync(context);
                    return;
                }
                // Progress is streamed line by line: a rebuild of a large centre takes a while.
                context.Response.ContentType = "text/plain; charset=utf-8";
                var clock = Stopwatch.StartNew();
                await rebuild.Run(async line =>
                {
                    await context.Response.WriteAsync(line + "\n", context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                });
                metrics.Rebuild(clock.Elapsed);
                await context.Response.WriteAsync("rebuild complete\n", context.RequestAborted);
            })
            .WithTags("Admin")
            .RequireAuthorization(Policies.Admin)
            .Audited("rebuild aggregates")
            .WithSummary("Re-scores every stored evaluation and rebuilds every aggregate from the stored facts; streams progress as text.");
    }
}
