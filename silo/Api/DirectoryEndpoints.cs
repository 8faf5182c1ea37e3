using QmInsights.Grains.Live;

namespace QmInsights.Silo.Api;

/// <summary>Who there is to look at: teams, rostered agents and scorecards, for a dashboard's pickers.</summary>
public static class DirectoryEndpoints
{
    public static void MapDirectory(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/directory").WithTags("Centre");

        api.MapGet("", async (CentreService centre) => Results.Ok(await centre.Directory()))
            .WithSummary("Teams (from the roster and from the data, with rostered agent counts), rostered agents and scorecard ids.");
    }
}
