using QmInsights.Domain.Access;
using QmInsights.Grains.Live;
using QmInsights.Silo.Security;

namespace QmInsights.Silo.Api;

/// <summary>Who there is to look at: teams, rostered agents and scorecards, for a dashboard's pickers.</summary>
public static class DirectoryEndpoints
{
    public static void MapDirectory(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/directory").WithTags("Centre").RequireAuthorization(Policies.Viewer);

        api.MapGet("", async (HttpContext context, CentreService centre) =>
                Results.Ok(Visible(await centre.Directory(), context.User.Caller()!)))
            .WithSummary("Teams (from the roster and from the data, with rostered agent counts), rostered agents and scorecard ids, as far as the caller may see them: a team lead their teams, an agent themself, an executive teams but no agents.");
    }

    private static CentreDirectory Visible(CentreDirectory directory, Caller caller) => directory with
    {
        Teams = directory.Teams.Where(t => Visibility.SeesTeam(caller, t.TeamId)).ToList(),
        Agents = directory.Agents.Where(a => Visibility.SeesAgent(caller, a.AgentId, a.TeamId)).ToList(),
    };
}
