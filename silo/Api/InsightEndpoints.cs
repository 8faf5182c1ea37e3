using QmInsights.Domain.Analytics;
using QmInsights.Domain.Facts;
using QmInsights.Grains.Analytics;
using QmInsights.Silo.Audit;
using QmInsights.Silo.Security;

namespace QmInsights.Silo.Api;

/// <summary>Does quality move CSAT, NPS, handle time and FCR, and which targets pull against each other.</summary>
public static class InsightEndpoints
{
    public static void MapInsights(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/insights").WithTags("Insights");

        api.MapGet("/conflicts", async (HttpRequest request, InsightsService insights) =>
            {
                var (filter, problem) = Filter(request);
                if (problem is not null) return problem;
                // The models are a second opinion on the relationships; the conflicts come from the regression alone.
                var report = await insights.Analyse(filter!.Range.From, filter.Range.To, filter.TeamId, filter.Channel, filter.Queue,
                    filter.Options with { TrainModels = false });
                return Results.Ok(report.Conflicts);
            })
            .RequireAuthorization(Policies.TeamFigures)
            .WithSummary("Metric pairs and scorecard items whose targets pull against each other, with effect, 95% CI, n, BH-adjusted p and an explanation.");

        api.MapGet("/disagreeing-agents", async (HttpRequest request, InsightsService insights) =>
            {
                var (filter, problem) = Filter(request);
                if (problem is not null) return problem;
                var topText = request.Query["top"].ToString();
                var top = 10;
                if (topText.Length > 0 && (!int.TryParse(topText, out top) || top is < 1 or > 500))
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["top"] = [$"'{topText}' must be a whole number from 1 to 500"] });
                var agentId = request.Query["agentId"].ToString() is { Length: > 0 } a ? a : null;
                return Results.Ok(await insights.DisagreeingAgents(filter!.Range.From, filter.Range.To, filter.TeamId, top, agentId));
            })
            .RequireAuthorization(Policies.Coaching)
            .Audited("read disagreeing agents")
            .WithSummary("Agents whose QA score and CSAT disagree most (z-score gap with its standard error, ranked by the gap's lower 95% bound), with the scorecard items that explain it; agentId= gives one agent's gap wherever it ranks.");

        api.MapGet("/agent-scores", async (HttpRequest request, InsightsService insights) =>
            {
                var (filter, problem) = Filter(request);
                if (problem is not null) return problem;
                var report = await insights.AgentScores(filter!.Range.From, filter.Range.To, filter.TeamId);
                // Too few agents or evaluators to tell them apart: an empty list, as for a range without evaluations.
                if (report is null) return Results.Ok(new { agents = Array.Empty<AdjustedScore>() });
                var agentId = request.Query["agentId"].ToString();
                return Results.Ok(agentId.Length == 0 ? report : report with { Agents = report.Agents.Where(a => a.AgentId == agentId).ToList() });
            })
            .RequireAuthorization(Policies.Coaching)
            .Audited("read adjusted agent scores")
            .WithSummary("Each agent's QA score adjusted for who evaluated them (crossed agent + evaluator random effects, REML, random picks only) with a 95% interval beside the raw mean, the variance components and the evaluations needed for ±5 points; agentId= narrows to one agent.");

        api.MapGet("/relationships", async (HttpRequest request, InsightsService insights) =>
            {
                var (filter, problem) = Filter(request);
                if (problem is not null) return problem;
                return Results.Ok(await insights.Analyse(filter!.Range.From, filter.Range.To, filter.TeamId, filter.Channel, filter.Queue, filter.Options));
            })
            .RequireAuthorization(Policies.TeamFigures)
            .WithSummary("Every relationship tested (QA score and each item vs CSAT, NPS, handle time, FCR and the satisfied, promoter and detractor shares; handle time vs FCR), effects and \"no effect found\" alike, the conflicts, and the survey response weighting.");
    }

    private sealed record InsightFilter(QueryRange Range, string? TeamId, Channel? Channel, string? Queue, InsightOptions Options);

    private static (InsightFilter? Filter, IResult? Problem) Filter(HttpRequest request)
    {
        var (range, problem) = QueryRange.Read(request);
        if (problem is not null) return (null, problem);
        var problems = new Dictionary<string, string[]>();
        var minimum = request.Query["minPerGroup"].ToString();
        var options = new InsightOptions();
        if (minimum.Length > 0)
        {
            if (int.TryParse(minimum, out var m) && m >= 5) options = options with { MinimumPerGroup = m };
            else problems["minPerGroup"] = [$"'{minimum}' must be a whole number of at least 5"];
        }
        if (problems.Count > 0) return (null, Results.ValidationProblem(problems, title: "Invalid query parameters"));
        string? Text(string name) => request.Query[name].ToString() is { Length: > 0 } v ? v : null;
        return (new InsightFilter(range!, Text("teamId"), range!.Channel, Text("queue"), options), null);
    }
}
