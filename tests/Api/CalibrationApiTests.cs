using System.Net;
using System.Text;
using System.Text.Json;
using QmInsights.Domain.Statistics.Reliability;

namespace QmInsights.Tests.Api;

public sealed class CalibrationApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_session_is_blind_until_closed_then_reports_agreement_and_never_touches_agent_scores()
    {
        using (var put = await host.Http.PutAsync("/api/scorecards/cal-card", Json("""
            { "name": "Cal", "targetPercent": 80, "sections": [ { "id": "s", "name": "S", "items": [
              { "id": "greet", "text": "Greets", "points": 1 }, { "id": "close", "text": "Closes", "points": 1 } ] } ] }
            """)))
            put.EnsureSuccessStatusCode();
        using (var session = await host.Http.PutAsync("/api/calibrations/cal-1", Json("""
            { "interactionIds": ["ci1", "ci2", "ci3"], "evaluatorIds": ["e1", "e2", "e3"], "expertId": "boss", "scorecardId": "cal-card" }
            """)))
            session.EnsureSuccessStatusCode();

        // greet: everyone agrees except e3 on ci2; close: agreement on ci1 only. e3 is the severe one.
        string[,] greet = { { "yes", "yes", "no" }, { "yes", "yes", "yes" }, { "yes", "no", "no" } };   // [evaluator, interaction]
        string[,] close = { { "yes", "no", "yes" }, { "yes", "yes", "no" }, { "yes", "no", "no" } };
        var lines = new List<string>();
        string[] evaluators = ["e1", "e2", "e3"];
        for (var e = 0; e < 3; e++)
            for (var i = 0; i < 3; i++)
                lines.Add($$$"""{"evaluationId":"cal-{{{e}}}-{{{i}}}","interactionId":"ci{{{i + 1}}}","agentId":"cal-agent","evaluatorId":"{{{evaluators[e]}}}","scorecardId":"cal-card","kind":"calibration","evaluatedAt":"2026-03-04T10:00:00Z","answers":{"greet":"{{{greet[e, i]}}}","close":"{{{close[e, i]}}}"}}""");
        for (var i = 0; i < 3; i++)
            lines.Add($$$"""{"evaluationId":"cal-boss-{{{i}}}","interactionId":"ci{{{i + 1}}}","agentId":"cal-agent","evaluatorId":"boss","scorecardId":"cal-card","kind":"calibration","evaluatedAt":"2026-03-04T10:00:00Z","answers":{"greet":"yes","close":"yes"}}""");
        using (var post = await host.Http.PostAsync("/api/evaluations", new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson")))
            Assert.Contains("\"accepted\":12", await post.Content.ReadAsStringAsync());

        using (var blind = await host.Http.GetAsync("/api/calibrations/cal-1/results"))
            Assert.Equal(HttpStatusCode.Conflict, blind.StatusCode);
        (await host.Http.PostAsync("/api/calibrations/cal-1/close", null)).EnsureSuccessStatusCode();
        using var results = JsonDocument.Parse(await host.Http.GetStringAsync("/api/calibrations/cal-1/results"));
        var root = results.RootElement;

        // The same numbers as the reliability code on the raw matrices (coders x units; yes 0, no 1).
        double? Alpha(string[,] answers) => KrippendorffAlpha.FromCoders(Enumerable.Range(0, 3)
            .Select(e => (IReadOnlyList<double?>)Enumerable.Range(0, 3).Select(i => (double?)(answers[e, i] == "yes" ? 0 : 1)).ToList()).ToList(), AlphaMetric.Nominal);
        var items = root.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("itemId").GetString()!);
        Assert.Equal(Alpha(greet)!.Value, items["greet"].GetProperty("krippendorffAlpha").GetDouble(), 9);
        Assert.Equal(Alpha(close)!.Value, items["close"].GetProperty("krippendorffAlpha").GetDouble(), 9);
        // Poorest agreement first.
        Assert.Equal(root.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("krippendorffAlpha").GetDouble()).Order(),
            root.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("krippendorffAlpha").GetDouble()));
        // greet: pairs agreeing per interaction 3 + 1 + 1 = 5 of 9.
        Assert.Equal(5 / 9.0, items["greet"].GetProperty("percentAgreement").GetDouble(), 9);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("overall").GetProperty("krippendorffAlphaInterval").ValueKind);
        Assert.Equal(JsonValueKind.Object, root.GetProperty("overall").GetProperty("icc").ValueKind);
        Assert.Empty(root.GetProperty("missing").EnumerateArray());

        // e3 scored lowest: furthest below consensus and the expert (who gave 100 everywhere).
        var deviations = root.GetProperty("evaluatorDeviations").EnumerateArray().ToDictionary(d => d.GetProperty("evaluatorId").GetString()!);
        Assert.True(deviations["e3"].GetProperty("fromConsensus").GetProperty("mean").GetDouble() < deviations["e1"].GetProperty("fromConsensus").GetProperty("mean").GetDouble());
        Assert.True(deviations["e3"].GetProperty("fromExpert").GetProperty("mean").GetDouble() < 0);

        using var agent = JsonDocument.Parse(await host.Http.GetStringAsync("/api/agents/cal-agent/summary"));
        Assert.Equal(0, agent.RootElement.GetProperty("evaluations").GetInt64());
        Assert.Equal(12, agent.RootElement.GetProperty("calibrationEvaluations").GetInt64());

        using var change = await host.Http.PutAsync("/api/calibrations/cal-1", Json("""
            { "interactionIds": ["ci1"], "evaluatorIds": ["e1", "e2"], "scorecardId": "cal-card" }
            """));
        Assert.Equal(HttpStatusCode.Conflict, change.StatusCode);
    }

    [Fact]
    public async Task A_session_with_bad_fields_is_refused_naming_them()
    {
        using var response = await host.Http.PutAsync("/api/calibrations/bad", Json("""{ "interactionIds": [], "evaluatorIds": ["only-one"], "scorecardId": "nope" }"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("interactionIds", text);
        Assert.Contains("evaluatorIds", text);
        Assert.Contains("scorecardId", text);
        using var unknown = await host.Http.GetAsync("/api/calibrations/never/results");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
