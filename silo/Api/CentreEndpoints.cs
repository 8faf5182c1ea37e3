using QmInsights.Grains.Live;
using QmInsights.Silo.Security;

namespace QmInsights.Silo.Api;

/// <summary>The centre as a whole: its summary with every team's totals beside it.</summary>
public static class CentreEndpoints
{
    public static void MapCentre(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/centre").WithTags("Centre").RequireAuthorization(Policies.Aggregates);

        api.MapGet("/summary", async (HttpRequest request, CentreService centre) =>
            {
                var (range, problem) = QueryRange.Read(request);
                if (problem is not null) return problem;
                var summary = await centre.Summary(range!.From, range.To, range.Period, range.Channel);
                return Results.Ok(new { centre = summary.Centre, teams = summary.Teams });
            })
            .WithSummary("The centre's figures (the sum of its teams) with trend and by channel, and each team's totals; from, to, period, channel as for a team.");
    }
}
