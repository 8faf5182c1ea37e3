using System.Collections.Immutable;
using System.Text.Json;
using QmInsights.Domain.Calibration;
using QmInsights.Domain.Facts;
using QmInsights.Grains.Calibration;
using QmInsights.Grains.Interfaces;
using QmInsights.Silo.Audit;
using QmInsights.Silo.Security;

namespace QmInsights.Silo.Api;

/// <summary>Calibration sessions: define, close, and read the inter-rater results once closed.</summary>
public static class CalibrationEndpoints
{
    public static void MapCalibrations(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/calibrations").WithTags("Calibration").RequireAuthorization(Policies.QaManagement);

        api.MapGet("", async (HttpRequest request, CalibrationService calibration) =>
            {
                var (range, problem) = QueryRange.Read(request);
                if (problem is not null) return problem;
                return Results.Ok(await calibration.Trend(range!.From, range.To));
            })
            .WithSummary("The calibration trend: closed sessions held between from and to (inclusive; held = last calibration evaluation), oldest first, with overall agreement, nominal and interval alpha, Fleiss' kappa, ICC(2,1) and the evaluators; open sessions by id.");

        api.MapPut("/{sessionId}", async (string sessionId, HttpRequest request, IGrainFactory grains) =>
            {
                if (!Ids.IsValid(sessionId)) return QueryEndpoints.InvalidId("sessionId", sessionId);
                var (root, malformed) = await DefinitionEndpoints.ReadJson(request);
                if (malformed is not null) return malformed;
                var problems = new Dictionary<string, string[]>();
                var interactions = IdList(root, "interactionIds", problems);
                var evaluators = IdList(root, "evaluatorIds", problems);
                var scorecardId = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("scorecardId", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                if (!Ids.IsValid(scorecardId)) problems["scorecardId"] = [Ids.Describe(scorecardId)];
                else if ((await grains.GetGrain<IScorecardGrain>(scorecardId!).GetVersions()).Count == 0)
                    problems["scorecardId"] = [$"scorecard '{scorecardId}' is not defined"];
                string? expert = null;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("expertId", out var x) && x.ValueKind != JsonValueKind.Null)
                {
                    expert = x.ValueKind == JsonValueKind.String ? x.GetString() : null;
                    if (!Ids.IsValid(expert)) problems["expertId"] = [Ids.Describe(expert)];
                }
                if (evaluators.Length - (expert is not null && evaluators.Contains(expert) ? 1 : 0) < 2 && !problems.ContainsKey("evaluatorIds"))
                    problems["evaluatorIds"] = ["a calibration needs at least two evaluators besides the expert"];
                if (problems.Count > 0) return Results.ValidationProblem(problems, title: "Invalid calibration session");
                try
                {
                    return Results.Ok(await grains.GetGrain<ICalibrationSessionGrain>(sessionId)
                        .Define(new CalibrationSession(sessionId, scorecardId!, interactions, evaluators, expert, null)));
                }
                catch (InvalidOperationException e)
                {
                    return Results.Problem(statusCode: 409, title: "Session closed", detail: e.Message);
                }
            })
            .WithSummary("Defines a calibration session: the interactions every invited evaluator scores (kind \"calibration\"), optionally an expert.");

        api.MapPost("/{sessionId}/close", async (string sessionId, IGrainFactory grains) =>
                await grains.GetGrain<ICalibrationSessionGrain>(sessionId).Close() is { } session
                    ? Results.Ok(session)
                    : Unknown(sessionId))
            .WithSummary("Closes the session; its results become visible.");

        api.MapGet("/{sessionId}/results", async (string sessionId, IGrainFactory grains, CalibrationService calibration) =>
            {
                var session = await grains.GetGrain<ICalibrationSessionGrain>(sessionId).Get();
                if (session is null) return Unknown(sessionId);
                if (!session.Closed)
                    return Results.Problem(statusCode: 409, title: "Session still open",
                        detail: $"calibration session '{sessionId}' is open: results stay hidden until it is closed, so every participant scores blind");
                return Results.Ok(await calibration.Results(session));
            })
            .Audited("read calibration results")
            .WithSummary("Per item and overall agreement (Krippendorff's alpha, Fleiss' kappa, ICC, % agreement) and each evaluator's deviation.");
    }

    /// <summary>Agent transparency and evaluator leniency: what the evaluations themselves say.</summary>
    public static void MapEvaluationViews(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/agents/{agentId}/evaluations", async (string agentId, EvaluationReader reader) =>
                Ids.IsValid(agentId) ? Results.Ok(await reader.Of(agentId)) : QueryEndpoints.InvalidId("agentId", agentId))
            .WithTags("Calibration")
            .RequireAuthorization(Policies.AgentData)
            .Audited("read agent evaluations")
            .WithSummary("Every evaluation of the agent in time order (regular, calibration and self), with scorecard version, answers, comment, score and earlier revisions.");

        app.MapGet("/api/evaluators/leniency", async (HttpRequest request, EvaluationReader reader) =>
            {
                var (range, problem) = QueryRange.Read(request);
                if (problem is not null) return problem;
                var teamId = request.Query["teamId"].ToString();
                return Results.Ok(await reader.Leniency(range!.From, range.To, teamId.Length > 0 ? teamId : null));
            })
            .WithTags("Calibration")
            .RequireAuthorization(Policies.Coaching)
            .Audited("read evaluator leniency")
            .WithSummary("Each evaluator's QA points above or below the average evaluator on the same agents, with a 95% CI.");
    }

    private static IResult Unknown(string sessionId) =>
        Results.Problem(statusCode: 404, title: "Unknown calibration session", detail: $"sessionId: no calibration session '{sessionId}'");

    private static ImmutableArray<string> IdList(JsonElement root, string field, Dictionary<string, string[]> problems)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(field, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            problems[field] = ["must be an array of ids"];
            return [];
        }
        var ids = array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : null).ToList();
        var bad = ids.Where(id => !Ids.IsValid(id)).ToList();
        if (bad.Count > 0) problems[field] = [$"every entry must be an id: {Ids.Describe(bad[0])}"];
        else if (ids.Count == 0) problems[field] = ["must not be empty"];
        else if (ids.Distinct().Count() != ids.Count) problems[field] = ["lists an id twice"];
        return ids.OfType<string>().ToImmutableArray();
    }
}
