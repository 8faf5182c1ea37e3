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

        app.MapGet("/api/cadence", async (HttpRequest request, CadenceService cadence) =>
            {
                var text = request.Query["asOf"].ToString();
                var asOf = DateOnly.FromDateTime(DateTime.UtcNow);
                if (text.Length > 0 && !DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                        System.Globalization.DateTimeStyles.None, out asOf))
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["asOf"] = [$"'{text}' is not a date (yyyy-MM-dd)"] });
                var teamId = request.Query["teamId"].ToString();
                return Results.Ok(await cadence.Plan(asOf, teamId.Length > 0 ? teamId : null, new Domain.Cadence.CadencePolicy()));
            })
            .WithTags("Calibration")
            .RequireAuthorization(Policies.Coaching)
            .WithSummary("Who is due and overdue for evaluation (new hires weekly, below target weekly, others fortnightly) and coverage of the 4-per-agent monthly quota by team and evaluator.");

        app.MapGet("/api/sampling", async (HttpRequest request, CadenceService cadence) =>
            {
                var (range, problem) = QueryRange.Read(request);
                if (problem is not null) return problem;
                var problems = new Dictionary<string, string[]>();
                int Number(string name, int fallback, int min, int max)
                {
                    var text = request.Query[name].ToString();
                    if (text.Length == 0) return fallback;
                    if (int.TryParse(text, out var value) && value >= min && value <= max) return value;
                    problems[name] = [$"'{text}' must be a whole number from {min} to {max}"];
                    return fallback;
                }
                var perAgent = Number("perAgent", 2, 1, 50);
                var seed = Number("seed", 1, int.MinValue, int.MaxValue);
                if (problems.Count > 0) return Results.ValidationProblem(problems);
                var to = range!.To ?? DateOnly.FromDateTime(DateTime.UtcNow);
                var from = range.From ?? to.AddDays(-14);
                var teamId = request.Query["teamId"].ToString();
                return Results.Ok(await cadence.Sample(from, to, teamId.Length > 0 ? teamId : null, perAgent, seed, new Domain.Cadence.CadencePolicy()));
            })
            .WithTags("Calibration")
            .RequireAuthorization(Policies.Coaching)
            .WithSummary("Contacts to evaluate next per agent (default the last 14 days): low CSAT, long handle time, then random by channel; new hires twice as many; deterministic from seed.");

        app.MapGet("/api/evaluators/leniency", async (HttpRequest request, EvaluationReader reader) =>
            {
                var (range, problem) = QueryRange.Read(request);
                if (problem is not null) return problem;
                var teamId = request.Query["teamId"].ToString();
                return Results.Ok(await reader.Leniency(range!.From, range.To, teamId.Length > 0 ? teamId : null));
            })
            .WithTags("Calibration")
            .RequireAuthorization(Policies.Coaching)
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
