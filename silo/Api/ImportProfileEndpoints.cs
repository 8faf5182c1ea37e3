using QmInsights.Domain.Ingestion;
using QmInsights.Domain.Ingestion.Profiles;
using QmInsights.Grains.Ingestion;
using QmInsights.Silo.Security;

namespace QmInsights.Silo.Api;

/// <summary>Import profiles: how a source's export maps onto the contract, used as <c>?profile=</c> on the ingestion endpoints.</summary>
public static class ImportProfileEndpoints
{
    public static void MapImportProfiles(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/import-profiles").WithTags("Ingestion").RequireAuthorization(Policies.Ingest);

        api.MapPut("/{id}", async (string id, ImportProfile profile, ImportProfiles profiles) =>
            {
                var (created, problems) = await profiles.Store(id, profile);
                if (problems.Count > 0)
                    return Results.ValidationProblem(problems.GroupBy(p => p[..p.IndexOf(':')]).ToDictionary(g => g.Key, g => g.ToArray()),
                        title: "Invalid import profile", statusCode: StatusCodes.Status422UnprocessableEntity);
                return created ? Results.Created($"/api/import-profiles/{id}", profile) : Results.Ok(profile);
            })
            .WithSummary("Stores an import profile (fields, constants, values, timeFormat, timeZone, durationUnit); a stored profile takes precedence over a shipped one of the same id.");

        api.MapGet("/{id}", async (string id, ImportProfiles profiles) =>
                await profiles.Find(id) is { } profile ? Results.Ok(profile)
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown import profile",
                        detail: $"No import profile '{id}'; shipped: {string.Join(", ", ShippedProfiles.ById.Keys)}"))
            .WithSummary("The profile stored under the id, else the shipped one.");

        api.MapGet("/", () => Results.Ok(ShippedProfiles.ById.Select(p => new { id = p.Key, p.Value.Name })))
            .WithSummary("The profiles shipped with the engine (generic, amazon-connect, talkdesk-messaging, anonymous-bank).");
    }
}
