using QmInsights.Domain.Facts;
using QmInsights.Domain.Ingestion;
using QmInsights.Silo.Audit;
using QmInsights.Grains.Reports;
using QmInsights.Reports.Pack;
using QmInsights.Silo.Security;

namespace QmInsights.Silo.Api;

/// <summary>The monthly PDF pack, archived once rendered. Readers: qaManager and admin (full pack), a teamLead their own
/// team's pack, executives the aggregate pack that names no agent or evaluator; re-rendering is for qaManager and admin.
/// Every read is audited.</summary>
public static class ReportEndpoints
{
    public static void MapReports(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.TeamFigures);

        api.MapGet("/monthly/{month}", async (string month, HttpContext context, MonthlyPackService packs, TimeProvider clock,
                TimestampWindow window) =>
            {
                var request = context.Request;
                var now = clock.GetUtcNow();
                if (Month(month, window, now, out var packMonth) is { } badMonth) return badMonth;
                var teamText = request.Query["teamId"].ToString();
                if (teamText.Length > 0 && !Ids.IsValid(teamText)) return QueryEndpoints.InvalidId("teamId", teamText);
                var refreshText = request.Query["refresh"].ToString();
                var refresh = false;
                if (refreshText.Length > 0 && !bool.TryParse(refreshText, out refresh))
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["refresh"] = [$"'{refreshText}' is not true or false"] });
                var teamId = teamText.Length > 0 ? teamText : null;
                var name = PackMailText.FileName(packMonth.ToString(), teamId);
                var pack = await packs.ForCaller(context.User.Caller()!, packMonth, teamId, refresh, now);
                if (pack.Denial is not null) return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: pack.Denial);
                return pack.Pdf is { } pdf
                    ? Results.File(pdf, "application/pdf", name)
                    : Results.Problem(statusCode: 404, title: "No data for that month",
                        detail: $"month: no contacts or evaluations in {packMonth}{(teamId is null ? "" : $" for team '{teamId}'")}");
            })
            .Audited("read monthly pack")
            .Produces(200, contentType: "application/pdf")
            .WithSummary("The month's quality pack as PDF (whole centre, or ?teamId=): archived copy, rendered on first request; ?refresh=true re-renders (qaManager, admin). Executives get the aggregate pack without agent or evaluator names.");
    }

    /// <summary>The pack month of a route, or the 400 answer: not yyyy-MM, or outside the months facts are accepted for.</summary>
    internal static IResult? Month(string text, TimestampWindow window, DateTimeOffset now, out PackMonth month)
    {
        if (!PackMonth.TryParse(text, out month))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["month"] = [$"'{text}' is not a month (yyyy-MM)"] });
        // Only months that can hold accepted facts: 9999-12 has no month after it to end on.
        var (earliest, latest) = (PackMonth.Of(window.Earliest), PackMonth.Of(window.Latest(now)));
        return month.First < earliest.First || month.First > latest.First
            ? Results.ValidationProblem(new Dictionary<string, string[]>
                { ["month"] = [$"'{text}' is outside the months facts are accepted for ({earliest} to {latest})"] })
            : null;
    }
}
