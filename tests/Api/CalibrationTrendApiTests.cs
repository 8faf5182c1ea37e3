using System.Net;
using System.Text;
using System.Text.Json;

namespace QmInsights.Tests.Api;

public sealed class CalibrationTrendApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static StringContent Json(string text, string type = "application/json") => new(text, Encoding.UTF8, type);

    private async Task Session(string sessionId, string day, string[][] answers)
    {
        // answers[evaluator][interaction]: the "a" item; "b" always yes.
        (await host.Http.PutAsync($"/api/calibrations/{sessionId}", Json($$"""
            { "interactionIds": ["{{sessionId}}-i1", "{{sessionId}}-i2", "{{sessionId}}-i3"], "evaluatorIds": ["t1", "t2", "t3"], "scorecardId": "trend-card" }
            """))).EnsureSuccessStatusCode();
        var lines = answers.SelectMany((row, e) => row.Select((answer, i) =>
            $$$"""{"evaluationId":"{{{sessionId}}}-{{{e}}}-{{{i}}}","interactionId":"{{{sessionId}}}-i{{{i + 1}}}","agentId":"trend-agent","evaluatorId":"t{{{e + 1}}}","scorecardId":"trend-card","kind":"calibration","evaluatedAt":"{{{day}}}T10:00:00Z","answers":{"a":"{{{answer}}}","b":"yes"}}"""));
        (await host.Http.PostAsync("/api/evaluations", Json(string.Join('\n', lines), "application/x-ndjson"))).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Closed_sessions_are_listed_in_the_order_they_were_held_with_their_headline_statistics()
    {
        (await host.Http.PutAsync("/api/scorecards/trend-card", Json("""
            { "name": "Trend", "targetPercent": 80, "sections": [ { "id": "s", "name": "S", "items": [
              { "id": "a", "text": "A", "points": 1 }, { "id": "b", "text": "B", "points": 1 } ] } ] }
            """))).EnsureSuccessStatusCode();
        await Session("trend-early", "2026-03-04", [["yes", "no", "yes"], ["no", "no", "yes"], ["yes", "yes", "no"]]);
        await Session("trend-late", "2026-04-08", [["yes", "no", "yes"], ["yes", "no", "yes"], ["yes", "no", "yes"]]);
        await Session("trend-open", "2026-05-06", [["yes", "yes", "yes"], ["yes", "yes", "yes"], ["yes", "yes", "yes"]]);
        // Closed in the other order: the trend follows when the sessions were held (their evaluations).
        (await host.Http.PostAsync("/api/calibrations/trend-late/close", null)).EnsureSuccessStatusCode();
        (await host.Http.PostAsync("/api/calibrations/trend-early/close", null)).EnsureSuccessStatusCode();

        using var trend = JsonDocument.Parse(await host.Http.GetStringAsync("/api/calibrations"));
        var sessions = trend.RootElement.GetProperty("sessions").EnumerateArray().ToList();
        Assert.Equal(["trend-early", "trend-late"], sessions.Select(s => s.GetProperty("sessionId").GetString()));
        Assert.Equal(["trend-open"], trend.RootElement.GetProperty("openSessions").EnumerateArray().Select(s => s.GetString()));
        // The evaluators converged: every pair agrees in the later session.
        Assert.Equal(1.0, sessions[1].GetProperty("percentAgreement").GetDouble(), 9);
        Assert.True(sessions[0].GetProperty("percentAgreement").GetDouble() < 1);
        Assert.True(sessions[0].GetProperty("krippendorffAlphaNominal").GetDouble() < sessions[1].GetProperty("krippendorffAlphaNominal").GetDouble());
        Assert.Equal(3, sessions[1].GetProperty("evaluators").GetInt32());
        Assert.Equal(9, sessions[1].GetProperty("submitted").GetInt32());
        Assert.Equal(JsonValueKind.Object, sessions[0].GetProperty("icc").ValueKind);
        Assert.Equal(["t1", "t2", "t3"], sessions[0].GetProperty("evaluatorIds").EnumerateArray().Select(e => e.GetString()));
        // The same figures as the session's own results.
        using var results = JsonDocument.Parse(await host.Http.GetStringAsync("/api/calibrations/trend-early/results"));
        Assert.Equal(results.RootElement.GetProperty("overall").GetProperty("krippendorffAlphaInterval").GetDouble(),
            sessions[0].GetProperty("krippendorffAlphaInterval").GetDouble(), 12);

        Assert.Equal("2026-04-08T10:00:00+00:00", sessions[1].GetProperty("heldAt").GetString());
        // Bootstrap intervals beside the alphas, AC1 beside kappa, and one pooled line per month.
        var ci = sessions[0].GetProperty("krippendorffAlphaNominalCi95").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.InRange(sessions[0].GetProperty("krippendorffAlphaNominal").GetDouble(), ci[0], ci[1]);
        Assert.Equal(JsonValueKind.Number, sessions[0].GetProperty("gwetAc1").ValueKind);
        var months = trend.RootElement.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(["2026-03", "2026-04"], months.Select(m => m.GetProperty("month").GetString()));
        Assert.Equal(sessions[0].GetProperty("krippendorffAlphaNominal").GetDouble(), months[0].GetProperty("krippendorffAlphaNominal").GetDouble(), 12);
        Assert.Equal(3, months[0].GetProperty("interactions").GetInt32());

        // Filtered by the day they were held.
        using var later = JsonDocument.Parse(await host.Http.GetStringAsync("/api/calibrations?from=2026-03-05&to=2026-04-30"));
        Assert.Equal(["trend-late"], later.RootElement.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("sessionId").GetString()));
        // The calibration command prints the same trend as a table, oldest first.
        var printed = new StringWriter();
        Assert.Equal(0, await QmInsights.Silo.Commands.CalibrationCommand.Trend(host.Http, "", printed));
        var lines = printed.ToString().Split('\n');
        Assert.StartsWith("held", lines[1]);
        Assert.True(Array.FindIndex(lines, l => l.Contains("trend-early")) < Array.FindIndex(lines, l => l.Contains("trend-late")));
        Assert.Contains(lines, l => l.StartsWith("2026-04-08  trend-late") && l.Contains("100.0%"));
        Assert.Contains("open (results hidden until closed): trend-open", printed.ToString());

        using var bad = await host.Http.GetAsync("/api/calibrations?from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("from", await bad.Content.ReadAsStringAsync());
    }
}
