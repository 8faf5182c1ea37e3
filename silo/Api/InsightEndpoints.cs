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
                return Results.Ok(await insights.DisagreeingAgents(filter!.Range.From, filter.Range.To, filter.TeamId, top));
            })
            .RequireAuthorization(Policies.Coaching)
            .Audited("read disagreeing agents")
            .WithSummary("Agents whose QA score and CSAT disagree most (z-score gap), with the scorecard items that explain the gap.");

        api.MapGet("/relationships", async (HttpRequest request, InsightsService insights) =>
            {
                var (filter, problem) = Filter(request);
                if (problem is not null) return problem;
                return Results.Ok(await insights.Analyse(filter!.Range.From, filter.Range.To, filter.TeamId, filter.Channel, filter.Queue, filter.Options));
            })
            .RequireAuthorization(Policies.TeamFigures)
            .WithSummary("Every relationship tested (QA score and each item vs CSAT, NPS, handle time, FCR; handle time vs FCR), effects and \"no effect found\" alike, and the conflicts.");
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
