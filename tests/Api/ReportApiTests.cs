using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Simulation;
using QmInsights.Grains.Interfaces;
using QmInsights.Grains.Reports;
using QmInsights.Reports.Pack;
using QmInsights.Silo.Api;
using QmInsights.Tests.Reports;
using QmInsights.Storage;

namespace QmInsights.Tests.Api;

public sealed class ReportApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    [Fact]
    public async Task The_monthly_pack_shows_the_summary_endpoints_numbers_is_archived_and_rendered_by_the_monthly_reminder()
    {
        var centre = await Feed();
        var team = centre.TeamIds[0];
        // A team with contacts but no rostered agent is part of the centre (as /api/centre/summary counts it).
        var line = $$"""{"interactionId":"unrostered-1","channel":"call","agentId":"visitor","teamId":"unrostered-team","queue":"q","startedAt":"2025-10-15T10:00:00Z","handleSeconds":7200}""";
        (await host.Http.PostAsync("/api/interactions", Body(line, "application/x-ndjson"))).EnsureSuccessStatusCode();

        // The configured cadence policy sets the quota, as for /api/cadence.
        (await host.Http.PutAsync("/api/cadence/policy", Body("""
            { "newHireDays": 90, "newHireIntervalDays": 7, "belowTargetIntervalDays": 7, "regularIntervalDays": 14, "monthlyQuota": 5, "dueWithinDays": 2 }
            """))).EnsureSuccessStatusCode();
        // Whole centre: KPI tiles carry /api/centre/summary's figures for the month, league and pareto are there.
        var centrePdf = await Pack("/api/reports/monthly/2025-10");
        var centreText = string.Join("\n", Pdf.Pages(centrePdf));
        AssertTiles(centreText, await Centre("/api/centre/summary?from=2025-10-01&to=2025-10-31&period=month"));
        Assert.Contains("unrostered-team", centreText);
        using var cadence = JsonDocument.Parse(await host.Http.GetStringAsync("/api/cadence?asOf=2025-10-31"));
        var quota = cadence.RootElement.GetProperty("teams").EnumerateArray().Sum(t => t.GetProperty("quota").GetInt32());
        // Other tests of the class may roster agents of their own: the quota is 5 for every rostered agent.
        Assert.Equal(5 * cadence.RootElement.GetProperty("teams").EnumerateArray().Sum(t => t.GetProperty("agents").GetInt32()), quota);
        Assert.True(quota >= 5 * centre.Roster().Count());
        Assert.Matches($@"\d / {Esc(Format.Count(quota))}\s", centreText);
        foreach (var section in new[] { "Executive summary", "Trends over 2 months", "Team league table", "where points are lost",
                     "Conflicting metrics", "QA and CSAT disagree", "Calibration health", "Evaluation coverage" })
            Assert.Contains(section, centreText);

        // Next peak: October's busiest queue, the two weeks after it, the numbers of /api/forecast/staffing (8+ weeks of history).
        var busiest = centre.Interactions().Where(i => i.StartedAt.Month == 10).GroupBy(i => (i.Queue, i.Channel))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Queue, StringComparer.Ordinal).ThenBy(g => g.Key.Channel).First();
        var channel = busiest.Key.Channel.ToString().ToLowerInvariant();
        Assert.Matches(Wrapped($"Forecast for queue {busiest.Key.Queue} ({channel}), the month's busiest with {Format.Count(busiest.Count() + (busiest.Key is ("q", _) ? 1 : 0))} contacts"), centreText);
        using var staffing = JsonDocument.Parse(await host.Http.GetStringAsync(
            $"/api/forecast/staffing?queue={busiest.Key.Queue}&channel={channel}&from=2025-11-01&to=2025-11-14"));
        var peak = staffing.RootElement.GetProperty("nextPeak");
        var day = DateOnly.Parse(peak.GetProperty("day").GetString()!, CultureInfo.InvariantCulture);
        Assert.Matches(Wrapped($"2 weeks after the month (1 Nov to 14 Nov 2025). Next peak: {day.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)}"), centreText);
        var top = peak.GetProperty("busiest");
        double Row(string part, string name) => top.GetProperty(part).GetProperty(name).GetDouble();
        var start = top.GetProperty("forecast").GetProperty("intervalStart").GetDateTimeOffset().UtcDateTime;
        Assert.Matches($@"{start:HH:mm}–{start.AddHours(1):HH:mm}\s+{Esc(Format.Number(Row("forecast", "volume"), 0))}\s+"
            + $@"{Esc(Format.Number(Row("forecast", "volumeLower80"), 0))}–{Esc(Format.Number(Row("forecast", "volumeUpper80"), 0))}\s+"
            + $@"{Esc(Format.Duration(Row("forecast", "handleSeconds")))}\s+"
            + $@"{Esc(Format.Duration(Row("forecast", "handleSecondsLower80")))}–{Esc(Format.Duration(Row("forecast", "handleSecondsUpper80")))}\s+"
            + $@"{Row("staffing", "agentsOnPhones")}\s+{Row("staffing", "agentsScheduled")}\s+{Esc(Format.Share(Row("staffing", "serviceLevel")))}", centreText);
        var backtest = peak.GetProperty("backtest");
        double Mape(string name) => backtest.GetProperty(name).GetProperty("mape").GetDouble();
        Assert.Matches(Wrapped($"volume MAPE {Format.Percent(Mape("volume"))} against {Format.Percent(Mape("volumeNaive"))} for seasonal-naive"), centreText);
        Assert.Matches(Wrapped($"handle time MAPE {Format.Percent(Mape("handle"))} against {Format.Percent(Mape("handleNaive"))}"), centreText);
        // September has 4 weeks of history before the weeks after it: too little to forecast, no section (and none in a team's pack).
        var september = string.Join("\n", Pdf.Pages(await Pack("/api/reports/monthly/2025-09")));
        Assert.Contains("Evaluation coverage", september);
        Assert.DoesNotContain("Next peak", september);

        // The centre's figures are every team's contacts added up.
        var teams = await Task.WhenAll(centre.TeamIds.Select(t => Summary($"/api/teams/{t}/summary?from=2025-10-01&to=2025-10-31")));
        var whole = await Centre("/api/centre/summary?from=2025-10-01&to=2025-10-31");
        Assert.Equal(teams.Sum(t => t.Interactions) + 1, whole.Interactions);
        Assert.Equal(teams.Sum(t => t.Evaluations), whole.Evaluations);

        // One team: the team summary's figures.
        var teamText = string.Join("\n", Pdf.Pages(await Pack($"/api/reports/monthly/2025-10?teamId={team}")));
        AssertTiles(teamText, await Summary($"/api/teams/{team}/summary?from=2025-10-01&to=2025-10-31&period=month"));
        Assert.Contains($"team {team}", teamText);
        Assert.Contains("Agent league table", teamText);
        Assert.DoesNotContain("Next peak", teamText);

        // Archived: asked again, the same document; refresh renders anew.
        Assert.Equal(centrePdf, await Pack("/api/reports/monthly/2025-10"));
        Assert.NotEmpty(await Pack("/api/reports/monthly/2025-10?refresh=true"));

        // The reminder's work on the 1st of December: November's packs, the centre's and each team's, then nothing left to do.
        var scheduler = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IMonthlyPackSchedulerGrain>("monthly");
        var firstOfDecember = new DateTimeOffset(2025, 12, 1, 0, 5, 0, TimeSpan.Zero);
        var rendered = await scheduler.RenderDue(firstOfDecember);
        Assert.Equal(centre.TeamIds.Select(t => "team:" + t).Prepend("centre").Order(), rendered.Order());
        Assert.Empty(await scheduler.RenderDue(firstOfDecember.AddDays(1)));
        var archived = await host.Services.GetRequiredService<IPackArchive>().Find("2025-11", "centre");
        Assert.Equal(archived!.Pdf, await Pack("/api/reports/monthly/2025-11"));
    }

    [Fact]
    public async Task A_malformed_month_is_400_and_a_month_without_data_is_404_naming_the_month()
    {
        foreach (var month in new[] { "2025-13", "2025-1", "october", "2025-10-01" })
        {
            using var bad = await host.Http.GetAsync($"/api/reports/monthly/{month}");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("month", await bad.Content.ReadAsStringAsync());
        }
        using var badRefresh = await host.Http.GetAsync("/api/reports/monthly/2025-10?refresh=maybe");
        Assert.Equal(HttpStatusCode.BadRequest, badRefresh.StatusCode);

        using var empty = await host.Http.GetAsync("/api/reports/monthly/2001-02");
        Assert.Equal(HttpStatusCode.NotFound, empty.StatusCode);
        Assert.Equal("application/problem+json", empty.Content.Headers.ContentType?.MediaType);
        Assert.Contains("2001-02", await empty.Content.ReadAsStringAsync());
        // Before the plausible window (Ingestion:EarliestTimestamp) no month can hold data: refused as a bad month.
        using var early = await host.Http.GetAsync("/api/reports/monthly/1999-02");
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("outside the months facts are accepted for", await early.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_centre_pack_lists_the_calibration_sessions_closed_in_its_month_with_their_agreement()
    {
        // Sessions close "now", so the pack is this month's: one rostered agent with contacts today.
        var today = DateTimeOffset.UtcNow;
        var month = PackMonth.Of(DateOnly.FromDateTime(today.UtcDateTime));
        (await host.Http.PutAsync("/api/scorecards/rep-card", Body("""
            { "name": "Rep", "targetPercent": 80, "sections": [ { "id": "s", "name": "S", "items": [
              { "id": "greet", "text": "Greets", "points": 1 }, { "id": "close", "text": "Closes", "points": 1 } ] } ] }
            """))).EnsureSuccessStatusCode();
        (await host.Http.PutAsync("/api/agents/rep-agent", Body("""{ "teamId": "rep-team", "hiredAt": "2024-01-10T08:00:00Z" }"""))).EnsureSuccessStatusCode();
        var at = today.AddMinutes(-30).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var lines = new List<string>();
        for (var i = 1; i <= 2; i++)
            lines.Add($$"""{"interactionId":"rep-i{{i}}","channel":"call","agentId":"rep-agent","teamId":"rep-team","queue":"q","startedAt":"{{at}}","handleSeconds":300}""");
        (await host.Http.PostAsync("/api/interactions", Body(string.Join('\n', lines), "application/x-ndjson"))).EnsureSuccessStatusCode();
        (await host.Http.PutAsync("/api/calibrations/rep-cal", Body("""
            { "interactionIds": ["rep-i1", "rep-i2"], "evaluatorIds": ["e1", "e2"], "scorecardId": "rep-card" }
            """))).EnsureSuccessStatusCode();
        lines.Clear();
        foreach (var e in new[] { "e1", "e2" })
            for (var i = 1; i <= 2; i++)
                lines.Add($$$"""{"evaluationId":"rep-{{{e}}}-{{{i}}}","interactionId":"rep-i{{{i}}}","agentId":"rep-agent","evaluatorId":"{{{e}}}","scorecardId":"rep-card","kind":"calibration","evaluatedAt":"{{{at}}}","answers":{"greet":"yes","close":"{{{(e == "e1" ? "yes" : "no")}}}"}}""");
        (await host.Http.PostAsync("/api/evaluations", Body(string.Join('\n', lines), "application/x-ndjson"))).EnsureSuccessStatusCode();
        (await host.Http.PostAsync("/api/calibrations/rep-cal/close", null)).EnsureSuccessStatusCode();

        var text = string.Join("\n", Pdf.Pages(await Pack($"/api/reports/monthly/{month}?refresh=true")));

        Assert.Contains("1 calibration sessions closed this month", text);
        // Two contacts, two evaluators; they agree on greet and never on close: half the pairs, close the least agreed.
        Assert.Matches($@"rep-cal\s+{today.UtcDateTime:yyyy-MM-dd}\s+2\s+2\s+50\.0%.*close", text);
    }

    private static StringContent Body(string text, string type = "application/json") => new(text, Encoding.UTF8, type);

    /// <summary>The KPI tiles sit side by side, so a page line reads "QA  CSAT  NPS" and the next row "AHT  FCR  done / quota".</summary>
    private static void AssertTiles(string text, QualityFigures month)
    {
        Assert.Matches($@"{Esc(Format.Number(month.QaScore))}\s+{Esc(Format.Percent(month.Csat))}\s+{Esc(Format.Signed(month.Nps, 0))}\n", text);
        Assert.Matches($@"{Esc(Format.Duration(month.AhtSeconds))}\s+{Esc(Format.Share(month.FcrRate))}\s+{Esc(Format.Count(month.Evaluations))} / \d", text);
        Assert.Contains($"95% CI {Format.Number(month.QaScoreCi95![0])}–{Format.Number(month.QaScoreCi95[1])}", text);
    }

    private static string Esc(string text) => System.Text.RegularExpressions.Regex.Escape(text);

    /// <summary>The text as a pattern that lets a paragraph wrap at any space.</summary>
    private static string Wrapped(string text) => Esc(text).Replace(@"\ ", @"\s+");

    private async Task<byte[]> Pack(string path)
    {
        using var response = await host.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<QualityFigures> Summary(string path) =>
        JsonSerializer.Deserialize<QualityFigures>(await host.Http.GetStringAsync(path), Json)!;

    /// <summary>The <c>centre</c> figures of /api/centre/summary (beside them: each team's).</summary>
    private async Task<QualityFigures> Centre(string path)
    {
        using var answer = JsonDocument.Parse(await host.Http.GetStringAsync(path));
        return answer.RootElement.GetProperty("centre").Deserialize<QualityFigures>(Json)!;
    }

    private async Task<CentreSimulation> Feed()
    {
        var centre = new CentreSimulation(new SimulationOptions
        {
            Agents = 40, Teams = 4, Months = 3, ContactsPerAgentDay = 8, EvaluationsPerAgentMonth = 12, SurveyResponseRate = 0.6,
        });
        foreach (var (version, validFrom, definition) in centre.ScorecardVersions)
            await Recomputation.PutScorecard(host.Http, new Domain.Scorecards.ScorecardVersion(DemoScorecard.Id, version, validFrom, definition));
        foreach (var entry in centre.Roster())
        {
            var body = JsonSerializer.Serialize(new { teamId = entry.TeamId, hiredAt = entry.HiredAt }, Json);
            (await host.Http.PutAsync($"/api/agents/{entry.AgentId}", new StringContent(body, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        }
        var months = centre.AgentMonths().ToList();
        var facts = months.SelectMany(m => m.Interactions).Cast<object>()
            .Concat(months.SelectMany(m => m.Surveys)).Concat(months.SelectMany(m => m.Evaluations)).ToList();
        foreach (var chunk in facts.Chunk(5000)) Assert.Empty((await FactPoster.Post(host.Http, chunk)).Rejected);
        return centre;
    }
}
