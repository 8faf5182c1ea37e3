using System.Globalization;
using QmInsights.Domain.Access;
using QmInsights.Silo.Audit;
using QmInsights.Silo.Security;

namespace QmInsights.Silo.Api;

/// <summary>The audit trail, for admins: who read or changed which agent's personal data, when, from where.</summary>
public static class AuditEndpoints
{
    public static void MapAuditTrail(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", async (HttpRequest request, AuditTrail trail) =>
            {
                var problems = new Dictionary<string, string[]>();
                var from = Time(request, "from", endOfDay: false, problems);
                var to = Time(request, "to", endOfDay: true, problems);
                var limitText = request.Query["limit"].ToString();
                var limit = 1000;
                if (limitText.Length > 0 && (!int.TryParse(limitText, out limit) || limit < 1 || limit > AuditQuery.MaxLimit))
                    problems["limit"] = [$"'{limitText}' must be a whole number from 1 to {AuditQuery.MaxLimit}"];
                if (problems.Count > 0) return Results.ValidationProblem(problems, title: "Invalid query parameters");
                string? Text(string name) => request.Query[name].ToString() is { Length: > 0 } v ? v : null;
                return Results.Ok(await trail.Query(new AuditQuery(Text("agentId"), Text("actor"), from, to, limit), request.HttpContext.RequestAborted));
            })
            .WithTags("Audit")
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Audit entries (newest first) filtered by agentId, actor (token name), from and to (dates, both inclusive, or date-times); limit default 1000.");
    }

    // A date means the whole day: `to=2026-11-23` includes that day.
    private static DateTimeOffset? Time(HttpRequest request, string name, bool endOfDay, Dictionary<string, string[]> problems)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(endOfDay ? 1 : 0);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)) return time;
        problems[name] = [$"'{text}' is not a date (yyyy-MM-dd) or ISO 8601 date-time"];
        return null;
    }
}
