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

        api.MapGet("/monthly/{month}", async (string month, HttpRequest request, MonthlyPackService packs, IPackArchive archive, TimeProvider clock) =>
            {
                if (!PackMonth.TryParse(month, out var packMonth))
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["month"] = [$"'{month}' is not a month (yyyy-MM)"] });
                var teamText = request.Query["teamId"].ToString();
                if (teamText.Length > 0 && !Ids.IsValid(teamText)) return QueryEndpoints.InvalidId("teamId", teamText);
                var refreshText = request.Query["refresh"].ToString();
                if (refreshText.Length > 0 && !bool.TryParse(refreshText, out _))
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["refresh"] = [$"'{refreshText}' is not true or false"] });
                var teamId = teamText.Length > 0 ? teamText : null;
                var scope = ArchivedPack.ScopeOf(teamId);
                var name = $"quality-pack-{packMonth}{(teamId is null ? "" : "-" + teamId)}.pdf";

                if (!string.Equals(refreshText, "true", StringComparison.OrdinalIgnoreCase) && await archive.Find(packMonth.ToString(), scope) is { } archived)
                    return Results.File(archived.Pdf, "application/pdf", name);
                var now = clock.GetUtcNow();
                var pdf = await packs.Render(packMonth, teamId, now);
                if (pdf is null)
                    return Results.Problem(statusCode: 404, title: "No data for that month",
                        detail: $"month: no contacts or evaluations in {packMonth}{(teamId is null ? "" : $" for team '{teamId}'")}");
                await archive.Save(new ArchivedPack(packMonth.ToString(), scope, now, pdf));
                return Results.File(pdf, "application/pdf", name);
            })
            .Produces(200, contentType: "application/pdf")
            .WithSummary("The month's quality pack as PDF (whole centre, or ?teamId=): archived copy, rendered on first request; ?refresh=true re-renders.");
    }
}
