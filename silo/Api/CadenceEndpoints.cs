using QmInsights.Domain.Periods;
using System.Globalization;
using System.Text.Json;
using QmInsights.Domain.Cadence;
using QmInsights.Grains.Calibration;
using QmInsights.Grains.Interfaces;
using QmInsights.Silo.Audit;
using QmInsights.Silo.Security;

namespace QmInsights.Silo.Api;

/// <summary>Evaluation cadence: who is due, what to evaluate next, and the policy both follow.</summary>
public static class CadenceEndpoints
{
    public static void MapCadence(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Cadence").RequireAuthorization(Policies.Coaching);

        api.MapGet("/cadence", async (HttpRequest request, CadenceService cadence, IGrainFactory grains, CentreCalendar calendar) =>
            {
                var text = request.Query["asOf"].ToString();
                var asOf = calendar.DayOf(DateTimeOffset.UtcNow);
                if (text.Length > 0 && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["asOf"] = [$"'{text}' is not a date (yyyy-MM-dd)"] });
                var teamId = request.Query["teamId"].ToString();
                return Results.Ok(await cadence.Plan(asOf, teamId.Length > 0 ? teamId : null, await Policy(grains).Get()));
            })
            .Audited("read cadence")
            .WithSummary("Who is due and overdue for evaluation under the cadence policy (default: new hires weekly, below target weekly, others fortnightly) and coverage of the monthly quota by team and evaluator.");

        api.MapGet("/sampling", async (HttpRequest request, CadenceService cadence, IGrainFactory grains, CentreCalendar calendar) =>
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
                var to = range!.To ?? calendar.DayOf(DateTimeOffset.UtcNow);
                var from = range.From ?? to.AddDays(-14);
                var teamId = request.Query["teamId"].ToString();
                return Results.Ok(await cadence.Sample(from, to, teamId.Length > 0 ? teamId : null, perAgent, seed, await Policy(grains).Get()));
            })
            .Audited("read sampling plan")
            .WithSummary("Contacts to evaluate next per agent (default the last 14 days): low CSAT, long handle time, then random by channel; new hires (per the cadence policy) twice as many; deterministic from seed.");

        api.MapGet("/cadence/policy", async (IGrainFactory grains) => Results.Ok(await Policy(grains).Get()))
            .WithSummary("The cadence policy in force: new-hire period and interval, below-target interval, regular interval, monthly quota per agent.");

        api.MapPut("/cadence/policy", async (HttpRequest request, IGrainFactory grains) =>
            {
                var (root, malformed) = await DefinitionEndpoints.ReadJson(request);
                if (malformed is not null) return malformed;
                var (policy, problems) = Read(root);
                if (policy is null) return Results.ValidationProblem(problems, title: "Invalid cadence policy");
                return Results.Ok(await Policy(grains).Set(policy));
            })
            .RequireAuthorization(Policies.QaManagement)
            .Audited("change cadence policy")
            .WithSummary("Replaces the cadence policy (every field required); /api/cadence and /api/sampling follow it from then on.");
    }

    private static ICadencePolicyGrain Policy(IGrainFactory grains) => grains.GetGrain<ICadencePolicyGrain>("policy");

    private static (CadencePolicy? Policy, Dictionary<string, string[]> Problems) Read(JsonElement root)
    {
        var problems = new Dictionary<string, string[]>();
        if (root.ValueKind != JsonValueKind.Object)
            return (null, new Dictionary<string, string[]> { ["body"] = ["must be a JSON object"] });
        var values = new Dictionary<string, int>();
        foreach (var field in CadencePolicy.Ranges.Keys)
        {
            if (!root.TryGetProperty(field, out var value)) problems[field] = ["is required"];
            else if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number)) problems[field] = [$"{value.GetRawText()} is not a whole number"];
            else values[field] = number;
        }
        foreach (var property in root.EnumerateObject().Where(p => !CadencePolicy.Ranges.ContainsKey(p.Name)))
            problems[property.Name] = ["is not a cadence policy field"];
        if (problems.Count > 0) return (null, problems);
        var policy = new CadencePolicy(values["newHireDays"], values["newHireIntervalDays"], values["belowTargetIntervalDays"],
            values["regularIntervalDays"], values["monthlyQuota"], values["dueWithinDays"]);
        var invalid = policy.Problems();
        return invalid.Count > 0 ? (null, invalid) : (policy, problems);
    }
}
