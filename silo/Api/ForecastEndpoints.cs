using System.Globalization;
using System.Text.Json;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Forecasting;
using QmInsights.Domain.Ingestion;
using QmInsights.Grains.Forecasting;
using QmInsights.Silo.Security;

namespace QmInsights.Silo.Api;

/// <summary>Planners: volume and handle-time forecasts with prediction intervals, their backtest, Erlang C staffing,
/// the staffing price of quality targets, and the declared peaks. Reads for qaManager, executive, teamLead, admin;
/// declaring peaks for admin and qaManager.</summary>
public static class ForecastEndpoints
{
    public static void MapForecasts(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/forecast").WithTags("Forecast").RequireAuthorization(Policies.Aggregates);

        api.MapGet("/handle-time", (HttpRequest request, ForecastService forecasts) =>
                Run(request, null, async (query, _, _) => Results.Ok((await forecasts.Forecast(query, new ForecastSettings())).Rows)))
            .WithSummary("Per interval (interval=15min|hour|day): predicted mean handle seconds and contacts with 80% and 95% prediction intervals, trained on the history before `from` (default: the week after the history).");

        api.MapGet("/backtest", (HttpRequest request, ForecastService forecasts) =>
                Run(request, null, async (query, _, _) => Results.Ok(BacktestSummary.Of(await forecasts.Backtest(query, new ForecastSettings())))))
            .WithSummary("Rolling-origin backtest over the last four weeks of history: MAE and MAPE of the forecast and of seasonal-naive (same interval last week), volume and handle time.");

        api.MapGet("/staffing", (HttpRequest request, ForecastService forecasts) =>
                Run(request, null, async (query, targets, _) =>
                {
                    var forecast = await forecasts.Forecast(query, new ForecastSettings());
                    return Results.Ok(new
                    {
                        intervals = StaffingOutlook.Staff(forecast.Rows, query.Length, targets),
                        nextPeak = StaffingOutlook.NextPeak(forecast, query.Length, targets),
                    });
                }))
            .WithSummary("Erlang C staffing of every forecast interval (serviceLevel, answerWithin seconds, maxOccupancy, shrinkage; default 0.8, 20, 0.85, 0.3) and the next peak day's outlook.");

        api.MapGet("/scenario", (HttpRequest request, ForecastService forecasts) =>
                Run(request, ScenarioProblems, async (query, targets, _) =>
                {
                    var q = request.Query;
                    var scenario = await forecasts.Scenario(query, q["item"].ToString(), Number(q, "adherenceFrom"), Number(q, "adherenceTo"),
                        Number(q, "factor"), Number(q, "effectSeconds"));
                    var problems = scenario.Problems();
                    if (problems.Count > 0) return Results.ValidationProblem(problems.ToDictionary(p => p.Split(':')[0], p => new[] { p }));
                    var forecast = await forecasts.Forecast(query, new ForecastSettings());
                    return Results.Ok(ScenarioOutlook.Of(forecast, query.Length, targets, scenario));
                }))
            .WithSummary("Extra agents per interval if adherence to scorecard item `item` moves from `adherenceFrom` to `adherenceTo` (or times `factor`); share and handle-time effect measured by the driver analysis unless given (`effectSeconds`).");

        api.MapGet("/peaks", async (ForecastService forecasts) => Results.Ok(await forecasts.Peaks.All()))
            .WithSummary("The declared peaks (campaigns and holidays), in date order.");

        api.MapGet("/peaks/learned", (HttpRequest request, ForecastService forecasts) =>
                Run(request, null, async (query, _, _) => Results.Ok(await forecasts.LearnedPeaks(query))))
            .WithSummary("Runs of days whose workload (contacts x handle time) was at least 1.25 times the median of the same weekday over the 8 weeks before (contacts 3 Poisson SDs above their norm or handle time 20% above), for the queue and channel.");

        api.MapPut("/peaks/{peakId}", async (string peakId, HttpRequest request, ForecastService forecasts) =>
            {
                if (!Ids.IsValid(peakId)) return QueryEndpoints.InvalidId("peakId", peakId);
                var (root, malformed) = await DefinitionEndpoints.ReadJson(request);
                if (malformed is not null) return malformed;
                var (peak, problems) = ReadPeak(peakId, root);
                if (problems.Count > 0) return Results.ValidationProblem(problems, title: "Invalid peak");
                var created = await forecasts.Peaks.Declare(peak!);
                return created ? Results.Created($"/api/forecast/peaks/{peakId}", peak) : Results.Ok(peak);
            })
            .RequireAuthorization(Policies.QaManagement)
            .WithSummary("Declares a peak: { name, from, to (yyyy-MM-dd, inclusive), kind: campaign|holiday, country?, queue? }.");

        api.MapDelete("/peaks/{peakId}", async (string peakId, ForecastService forecasts) =>
                await forecasts.Peaks.Remove(peakId) ? Results.NoContent() : Results.NotFound())
            .RequireAuthorization(Policies.QaManagement)
            .WithSummary("Removes a declared peak.");
    }

    private static async Task<IResult> Run(HttpRequest request, Func<HttpRequest, Dictionary<string, string[]>, bool>? more,
        Func<ForecastQuery, StaffingTargets, HttpRequest, Task<IResult>> answer)
    {
        var problems = new Dictionary<string, string[]>();
        var query = ReadQuery(request, problems);
        var targets = ReadTargets(request, problems);
        more?.Invoke(request, problems);
        if (problems.Count > 0) return Results.ValidationProblem(problems, title: "Invalid query parameters");
        try
        {
            return await answer(query, targets, request);
        }
        catch (Exception e) when (e is InsufficientHistoryException or ArgumentOutOfRangeException)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Cannot forecast");
        }
    }

    private static ForecastQuery ReadQuery(HttpRequest request, Dictionary<string, string[]> problems)
    {
        var q = request.Query;
        var channel = QueryRange.ReadChannel(request, problems);
        var intervalText = q["interval"].ToString();
        var length = intervalText.Length == 0 ? IntervalLength.Hour : IntervalLengths.Parse(intervalText);
        if (length is null) problems["interval"] = [$"'{intervalText}' is not one of 15min, hour, day"];
        var from = Time(q["from"].ToString(), "from", false, problems);
        var to = Time(q["to"].ToString(), "to", true, problems);
        if (from is { } f && to is { } t && t <= f) problems["to"] = [$"{t:O} is not after from ({f:O})"];
        var country = q["country"].ToString();
        if (country.Length > 0 && !PeakPeriod.IsCountryCode(country))
            problems["country"] = [$"'{country}' is not a two-letter ISO code in capitals"];
        string? Text(string name) => q[name].ToString() is { Length: > 0 } v ? v : null;
        return new ForecastQuery(Text("queue"), channel, length ?? IntervalLength.Hour, from, to, Text("country"));
    }

    // A date alone means the start of that day for from and the end of it for to (both days inclusive, as in summaries).
    private static DateTime? Time(string text, string name, bool endOfDay, Dictionary<string, string[]> problems)
    {
        if (text.Length == 0) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day.AddDays(endOfDay ? 1 : 0).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            return time.UtcDateTime;
        problems[name] = [$"'{text}' is not a date (yyyy-MM-dd) or ISO 8601 date-time"];
        return null;
    }

    private static StaffingTargets ReadTargets(HttpRequest request, Dictionary<string, string[]> problems)
    {
        var defaults = new StaffingTargets();
        double Read(string name, double fallback, double min, double max, bool minIncluded, bool maxIncluded)
        {
            var text = request.Query[name].ToString();
            if (text.Length == 0) return fallback;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                && (minIncluded ? v >= min : v > min) && (maxIncluded ? v <= max : v < max)) return v;
            problems[name] = [$"'{text}' must be a number {(minIncluded ? "from" : "above")} {min} {(maxIncluded ? "to" : "below")} {max}"];
            return fallback;
        }
        return new StaffingTargets(
            Read("serviceLevel", defaults.ServiceLevel, 0, 1, false, false),
            Read("answerWithin", defaults.AnswerWithinSeconds, 0, 3600, true, true),
            Read("maxOccupancy", defaults.MaxOccupancy, 0, 1, false, true),
            Read("shrinkage", defaults.Shrinkage, 0, 1, true, false));
    }

    private static bool ScenarioProblems(HttpRequest request, Dictionary<string, string[]> problems)
    {
        var q = request.Query;
        if (q["item"].ToString().Length == 0) problems["item"] = ["the scorecard item id is required"];
        foreach (var name in new[] { "adherenceFrom", "adherenceTo", "factor", "effectSeconds" })
        {
            var text = q[name].ToString();
            if (text.Length > 0 && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                problems[name] = [$"'{text}' is not a number"];
        }
        if (q["factor"].ToString() is { Length: > 0 } f && double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) && factor <= 0)
            problems["factor"] = [$"'{f}' must be above 0"];
        return problems.Count == 0;
    }

    private static double? Number(IQueryCollection q, string name) =>
        double.TryParse(q[name].ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static (PeakPeriod? Peak, Dictionary<string, string[]> Problems) ReadPeak(string peakId, JsonElement root)
    {
        var problems = new Dictionary<string, string[]>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems["body"] = ["must be a JSON object"];
            return (null, problems);
        }
        string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        DateOnly Day(string name)
        {
            if (DateOnly.TryParseExact(Text(name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
            problems[name] = [$"'{Text(name)}' is not a date (yyyy-MM-dd)"];
            return default;
        }
        var from = Day("from");
        var to = Day("to");
        var kindText = Text("kind") ?? "campaign";
        if (!Enum.TryParse<PeakKind>(kindText, true, out var kind) || !Enum.IsDefined(kind))
            problems["kind"] = [$"'{kindText}' is not one of campaign, holiday"];
        var queue = Text("queue");
        if (queue is not null && !Ids.IsValid(queue)) problems["queue"] = [Ids.Describe(queue)];
        // The name is free text: no control characters (it is stored and shown).
        var nameProblems = new List<string>();
        var name = FieldRules.Text(new JsonFieldSource(root), "name", 200, nameProblems);
        if (nameProblems.Count > 0) problems["name"] = [.. nameProblems];
        if (problems.Count > 0) return (null, problems);
        var peak = new PeakPeriod(peakId, name ?? "", from, to, kind, Text("country"), queue);
        foreach (var p in peak.Problems()) problems[p.Split(':')[0]] = [p];
        return (problems.Count > 0 ? null : peak, problems);
    }
}
