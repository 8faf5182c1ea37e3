using System.Text.Json;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Ingestion;
using QmInsights.Grains.Interfaces;
using QmInsights.Silo.Audit;
using QmInsights.Silo.Security;

namespace QmInsights.Silo.Api;

/// <summary>Scorecards (versioned) and the agent roster.</summary>
public static class DefinitionEndpoints
{
    public static void MapDefinitions(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Scorecards and roster");

        api.MapPut("/scorecards/{scorecardId}", async (string scorecardId, HttpRequest request, IGrainFactory grains) =>
            {
                if (!Ids.IsValid(scorecardId)) return QueryEndpoints.InvalidId("scorecardId", scorecardId);
                var (root, malformed) = await ReadJson(request);
                if (malformed is not null) return malformed;
                var (definition, validFrom, problems) = ScorecardBody.Read(root);
                if (definition is null) return Invalid(problems);
                var result = await grains.GetGrain<IScorecardGrain>(scorecardId).Define(definition, validFrom);
                var body = new { scorecardId, result.Version, result.Created, result.ValidFrom };
                return result.Created ? Results.Created($"/api/scorecards/{scorecardId}", body) : Results.Ok(body);
            })
            .RequireAuthorization(Policies.QaManagement)
            .WithSummary("Defines a scorecard; a changed definition becomes a new version. Optional validFrom dates the version.");

        api.MapGet("/scorecards/{scorecardId}", async (string scorecardId, IGrainFactory grains) =>
            {
                var versions = await grains.GetGrain<IScorecardGrain>(scorecardId).GetVersions();
                return versions.Count == 0
                    ? Results.Problem(statusCode: 404, title: "Unknown scorecard", detail: $"scorecardId: no scorecard '{scorecardId}' has been defined")
                    : Results.Ok(new { scorecardId, versions });
            })
            .RequireAuthorization(Policies.ReadScorecards)
            .WithSummary("Every version of a scorecard with its sections and items.");

        api.MapPut("/agents/{agentId}", async (string agentId, HttpRequest request, IGrainFactory grains) =>
            {
                var (root, malformed) = await ReadJson(request);
                if (malformed is not null) return malformed;
                var (entry, problems) = RosterBody.Read(agentId, root);
                if (entry is null) return Invalid(problems);
                if (await RetentionEndpoints.Erased(grains, agentId, StatusCodes.Status409Conflict) is { } erased) return erased;
                await grains.GetGrain<IAgentGrain>(agentId).SetRoster(entry);
                return Results.Ok(entry);
            })
            .RequireAuthorization(Policies.QaManagement)
            .Audited("change roster entry")
            .WithSummary("Sets an agent's roster entry: team, hire date, optional display name.");

        api.MapGet("/agents/{agentId}", async (string agentId, IGrainFactory grains) =>
                await grains.GetGrain<IAgentGrain>(agentId).GetRoster() is { } entry
                    ? Results.Ok(entry)
                    : Results.Problem(statusCode: 404, title: "Unknown agent", detail: $"agentId: no roster entry for '{agentId}'"))
            .RequireAuthorization(Policies.AgentData)
            .Audited("read roster entry")
            .WithSummary("An agent's roster entry.");
    }

    /// <summary>The JSON body of a PUT, or the problem (415 for another content type, 400 for broken JSON).</summary>
    internal static async Task<(JsonElement Root, IResult? Problem)> ReadJson(HttpRequest request)
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/json", StringComparison.OrdinalIgnoreCase))
            return (default, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: $"Content-Type '{request.ContentType}' is not supported; use application/json"));
        try
        {
            using var document = await JsonDocument.ParseAsync(new Utf8CheckedStream(request.Body), cancellationToken: request.HttpContext.RequestAborted);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            return (default, Results.Problem(statusCode: 400, title: "Malformed body", detail: $"The body is not valid JSON: {e.Message}"));
        }
        catch (MalformedBodyException e)
        {
            return (default, Results.Problem(statusCode: 400, title: "Malformed body", detail: e.Message));
        }
        catch (BadHttpRequestException e)
        {
            return (default, Results.Problem(statusCode: e.StatusCode, title: "Body cannot be read", detail: e.Message));
        }
    }

    internal static IResult Invalid(IReadOnlyList<string> problems, string title = "Invalid definition") =>
        Results.ValidationProblem(
            problems.GroupBy(p => p.Split(':')[0]).ToDictionary(g => g.Key, g => g.Select(p => p[(p.IndexOf(':') + 1)..].Trim()).ToArray()),
            title: title);
}
