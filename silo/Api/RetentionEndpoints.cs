using QmInsights.Domain.Facts;
using QmInsights.Grains.Interfaces;
using QmInsights.Grains.Retention;
using QmInsights.Silo.Audit;
using QmInsights.Silo.Security;

namespace QmInsights.Silo.Api;

/// <summary>Data minimisation operations: retention on demand and erasure of one agent's personal data (admin).</summary>
public static class RetentionEndpoints
{
    public static void MapRetention(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Retention").RequireAuthorization(Policies.Admin);

        api.MapPost("/admin/retention/run", async (RetentionService retention) =>
                await retention.Run() is { } run
                    ? Results.Ok(new
                    {
                        rawFactMonths = run.RawFactMonths,
                        keptFrom = run.KeptFrom,
                        deleted = new { interactions = run.Deleted.Interactions, surveys = run.Deleted.Surveys, evaluations = run.Deleted.Evaluations },
                    })
                    : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "No retention horizon",
                        detail: "Retention:RawFactMonths is not set: raw facts are kept for ever, so there is nothing to delete"))
            .Audited("run retention")
            .WithSummary("Deletes raw facts older than Retention:RawFactMonths now (it also runs daily); aggregates keep their totals. Answers what was deleted.");

        api.MapPost("/admin/repair/implausible-dates", async (ImplausibleDateRepair repair) =>
            {
                var run = await repair.Run();
                return Results.Ok(new
                {
                    earliest = run.Earliest,
                    latest = run.Latest,
                    deleted = new { interactions = run.Deleted.Interactions, surveys = run.Deleted.Surveys, evaluations = run.Deleted.Evaluations },
                });
            })
            .Audited("repair implausible dates")
            .WithSummary("Deletes every contact with a fact dated outside the plausible window (Ingestion:EarliestTimestamp, Ingestion:LatestAheadDays), with its survey and evaluations, and every aggregate or retired tally dated outside it; answers what was deleted.");

        api.MapDelete("/agents/{agentId}/personal-data", async (string agentId, ErasureService erasure) =>
            {
                if (!Ids.IsValid(agentId)) return QueryEndpoints.InvalidId("agentId", agentId);
                var (record, deleted) = await erasure.Erase(agentId);
                return Results.Ok(new
                {
                    agentId,
                    erasedAt = record.ErasedAt,
                    deleted = new { interactions = deleted.Interactions, surveys = deleted.Surveys, evaluations = deleted.Evaluations },
                    rosterEntry = "deleted",
                });
            })
            .Audited("erase personal data")
            .WithSummary("Erases an agent's personal data: roster entry, contacts, evaluations and comments, own figures. Teams keep their totals; facts about the agent are refused afterwards.");
    }

    /// <summary>A problem naming the erasure when <paramref name="agentId"/> was erased, else null: the agent's figures
    /// and roster are gone (404 to read them) and must not come back (409 to write them).</summary>
    public static async Task<IResult?> Erased(IGrainFactory grains, string agentId, int status = StatusCodes.Status404NotFound) =>
        Ids.IsValid(agentId) && await grains.GetGrain<IErasureRegistryGrain>("erasures").Find(agentId) is { } erasure
            ? Results.Problem(statusCode: status, title: "Agent erased", detail: erasure.Reason("agentId"))
            : null;
}
