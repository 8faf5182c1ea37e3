using QmInsights.Domain.Facts;
using QmInsights.Grains.Reports;
using QmInsights.Reports.Pack;
using QmInsights.Silo.Security;

namespace QmInsights.Silo.Api;

/// <summary>The executives' monthly PDF pack, archived once rendered. Readers: executive, qaManager, admin; a
/// teamLead their own team's pack.</summary>
public static class ReportEndpoints
{
    public static void MapReports(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.TeamFigures);

        api.MapGet("/monthly/{month}", async (string month, HttpRequest request, MonthlyPackService packs, TimeProvider clock) =>
            {
                if (!PackMonth.TryParse(month, out var packMonth))
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["month"] = [$"'{month}' is not a month (yyyy-MM)"] });
                var teamText = request.Query["teamId"].ToString();
                if (teamText.Length > 0 && !Ids.IsValid(teamText)) return QueryEndpoints.InvalidId("teamId", teamText);
                var refreshText = request.Query["refresh"].ToString();
                var refresh = false;
                if (refreshText.Length > 0 && !bool.TryParse(refreshText, out refresh))
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["refresh"] = [$"'{refreshText}' is not true or false"] });
                var teamId = teamText.Length > 0 ? teamText : null;
                var name = $"quality-pack-{packMonth}{(teamId is null ? "" : "-" + teamId)}.pdf";
                return await packs.Archived(packMonth, teamId, refresh, clock.GetUtcNow()) is { } pack
                    ? Results.File(pack.Pdf, "application/pdf", name)
                    : Results.Problem(statusCode: 404, title: "No data for that month",
                        detail: $"month: no contacts or evaluations in {packMonth}{(teamId is null ? "" : $" for team '{teamId}'")}");
            })
            .Produces(200, contentType: "application/pdf")
            .WithSummary("The month's quality pack as PDF (whole centre, or ?teamId=): archived copy, rendered on first request; ?refresh=true re-renders.");
    }
}
