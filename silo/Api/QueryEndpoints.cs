using QmInsights.Domain.Facts;
using QmInsights.Grains.Interfaces;
using QmInsights.Silo.Audit;
using QmInsights.Silo.Security;

namespace QmInsights.Silo.Api;

/// <summary>The summary queries of the contract: agent, team, and scorecard items.</summary>
public static class QueryEndpoints
{
    public static void MapQueries(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Queries");

        api.MapGet("/agents/{agentId}/summary", async (string agentId, HttpRequest request, IGrainFactory grains) =>
                await RetentionEndpoints.Erased(grains, agentId)
                ?? await Summary(agentId, request, range => grains.GetGrain<IAgentGrain>(agentId).GetSummary(range.From, range.To, range.Period, range.Channel)))
            .RequireAuthorization(Policies.AgentData)
            .Audited("read agent summary")
            .WithSummary("An agent's QA score with 95% CI, CSAT, NPS, handle time, FCR and counts, by channel and by week or month; channel= keeps one channel.");

        api.MapGet("/teams/{teamId}/summary", (string teamId, HttpRequest request, IGrainFactory grains) =>
                Summary(teamId, request, range => grains.GetGrain<ITeamGrain>(teamId).GetSummary(range.From, range.To, range.Period, range.Channel)))
            .RequireAuthorization(Policies.TeamFigures)
            .WithSummary("A team's figures over the contacts handled for it (the interaction's teamId decides).");

        api.MapGet("/scorecards/{scorecardId}/items", async (string scorecardId, HttpRequest request, IGrainFactory grains) =>
            {
                if (!Ids.IsValid(scorecardId)) return InvalidId("scorecardId", scorecardId);
                var (range, problem) = QueryRange.Read(request);
                if (problem is not null) return problem;
                var grain = grains.GetGrain<IScorecardGrain>(scorecardId);
                var versions = await grain.GetVersions();
                if (versions.Count == 0)
                    return Results.Problem(statusCode: 404, title: "Unknown scorecard",
                        detail: $"scorecardId: no scorecard '{scorecardId}' has been defined");
                var items = await grain.GetItems(range!.From, range.To);
                return Results.Ok(new
                {
                    scorecardId,
                    from = range.From,
                    to = range.To,
                    versions = versions.Select(v => new { v.Version, v.ValidFrom, v.Definition.Name, v.Definition.TargetPercent }),
                    items,
                });
            })
            .RequireAuthorization(Policies.Aggregates)
            .WithSummary("Per item and version: answered, passed, failed, N/A and pass rate in regular evaluations; items that fail most first.");
    }

    private static async Task<IResult> Summary<T>(string id, HttpRequest request, Func<QueryRange, Task<T>> query)
    {
        if (!Ids.IsValid(id)) return InvalidId("id", id);
        var (range, problem) = QueryRange.Read(request);
        return problem ?? Results.Ok(await query(range!));
    }

    public static IResult InvalidId(string name, string value) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [name] = [Ids.Describe(value)] }, title: "Invalid id");
}
