using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Forecasting;
using QmInsights.Domain.Ingestion;
using QmInsights.Domain.Joins;
using QmInsights.Domain.Periods;
using QmInsights.Grains.Forecasting;
using QmInsights.Grains.Ingestion;
using QmInsights.Storage;
using QmInsights.Tests.Api;

namespace QmInsights.Tests.Hardening;

/// <summary>Finding 1 and 2 of the hardening review: one record dated 9999 or 1900 must not break or bloat the centre.</summary>
public sealed class ImplausibleDateTests(HostFixture host) : IClassFixture<HostFixture>
{
    private static StringContent Ndjson(params string[] lines) => new(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson");

    private static string Contact(string id, string startedAt, string team = "far-team", string queue = "far-q") =>
        $$"""{"interactionId":"{{id}}","channel":"call","agentId":"far-agent","teamId":"{{team}}","queue":"{{queue}}","startedAt":"{{startedAt}}","handleSeconds":300}""";

    [Fact]
    public void The_window_names_the_field_the_day_and_the_setting_that_widens_it()
    {
        var now = DateTimeOffset.Parse("2026-12-07T10:00:00Z");
        var window = TimestampWindow.Default;
        Assert.Null(window.Check("startedAt", DateTimeOffset.Parse("2026-12-09T23:59:00Z"), now));
        Assert.Null(window.Check("startedAt", DateTimeOffset.Parse("2000-01-01T00:00:00Z"), now));
        Assert.StartsWith("startedAt: 9999-12-31 is in the future", window.Check("startedAt", DateTimeOffset.Parse("9999-12-31T23:00:00Z"), now));
        Assert.Contains("Ingestion:LatestAheadDays", window.Check("answeredAt", DateTimeOffset.Parse("2026-12-10T00:00:00Z"), now));
        Assert.Contains("Ingestion:EarliestTimestamp", window.Check("evaluatedAt", DateTimeOffset.Parse("1999-12-31T23:59:00Z"), now));
        Assert.Equal(new DateOnly(1990, 1, 1), TimestampWindow.From("1990-01-01", null).Earliest);
        Assert.Contains("Ingestion:LatestAheadDays", Assert.Throws<FormatException>(() => TimestampWindow.From(null, "99999")).Message);
        Assert.Contains("Ingestion:EarliestTimestamp", Assert.Throws<FormatException>(() => TimestampWindow.From("01/01/1990", null)).Message);
    }

    [Fact]
    public async Task Far_future_and_far_past_records_are_rejected_with_a_reason_and_the_rest_of_the_batch_is_stored()
    {
        using var response = await host.Http.PostAsync("/api/interactions", Ndjson(
            Contact("far-ok", "2026-03-02T09:00:00Z"), Contact("far-9999", "9999-12-31T23:00:00Z"), Contact("far-1900", "1900-01-01T00:00:00Z")));
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, report.RootElement.GetProperty("accepted").GetInt32());
        var rejected = report.RootElement.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal(["far-9999", "far-1900"], rejected.Select(r => r.GetProperty("id").GetString()));
        Assert.All(rejected, r => Assert.StartsWith("startedAt: ", r.GetProperty("reason").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/api/centre/summary")).StatusCode);
    }

    [Fact]
    public void A_summary_of_tallies_at_both_ends_of_the_calendar_answers_with_the_periods_that_have_data()
    {
        var tallies = new TallyMap<TallyBucket, QualityTally>();
        foreach (var day in new[] { DateOnly.MinValue, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 20), DateOnly.MaxValue })
            tallies.Add(new TallyBucket(day, Channel.Call), new QualityTally { Interactions = 1 }, 1);
        foreach (var period in new[] { TrendPeriod.Week, TrendPeriod.Month })
        {
            var summary = SummaryBuilder.Build(tallies, null, null, period);
            Assert.Equal(4, summary.Interactions);
            Assert.Equal(4, summary.Trend!.Sum(t => t.Interactions));
            Assert.True(summary.Trend!.Count <= 4, $"{period}: {summary.Trend.Count} periods");
            Assert.Equal(DateOnly.MaxValue, summary.Trend[^1].To);
        }
        // Near each other, empty periods are still listed.
        var near = SummaryBuilder.Build(tallies, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), TrendPeriod.Week);
        Assert.Equal(3, near.Trend!.Count);
    }

    [Fact]
    public async Task Repair_deletes_far_dated_facts_stored_under_a_wider_window_and_every_summary_answers_before_and_after()
    {
        // Stored as an engine without the window would have: every day of the calendar accepted.
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var lax = new FactIngestor(grains, host.Services.GetRequiredService<IFactStore>(),
            window: new TimestampWindow(new DateOnly(1, 1, 1), DateOnly.MaxValue.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber));
        var report = await lax.Ingest(await Parse(Contact("rep-ok", "2026-03-02T09:00:00Z", "rep-team"),
            Contact("rep-9999", "9999-12-31T23:00:00Z", "rep-team"), Contact("rep-1900", "1900-01-01T00:00:00Z", "rep-team")));
        Assert.Equal(3, report.Accepted);

        foreach (var path in new[] { "/api/centre/summary", "/api/teams/rep-team/summary?period=month", "/api/agents/far-agent/summary", "/api/insights/conflicts" })
            Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync(path)).StatusCode);

        using var repaired = await host.Http.PostAsync("/api/admin/repair/implausible-dates", null);
        using var run = JsonDocument.Parse(await repaired.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, repaired.StatusCode);
        Assert.Equal(2, run.RootElement.GetProperty("deleted").GetProperty("interactions").GetInt32());

        using var team = JsonDocument.Parse(await host.Http.GetStringAsync("/api/teams/rep-team/summary?period=month"));
        Assert.Equal(1, team.RootElement.GetProperty("interactions").GetInt32());
        Assert.Equal(["2026-03"], team.RootElement.GetProperty("trend").EnumerateArray().Select(t => t.GetProperty("period").GetString()));
        // The centre summary read before the repair is not answered again from what this silo kept of the team.
        using var centre = JsonDocument.Parse(await host.Http.GetStringAsync("/api/centre/summary"));
        Assert.Equal(1, centre.RootElement.GetProperty("teams").EnumerateArray().Single(t => t.GetProperty("teamId").GetString() == "rep-team")
            .GetProperty("figures").GetProperty("interactions").GetInt32());
    }

    /// <summary>Interactions read from NDJSON lines as ingestion reads them (tests hand them to an ingestor of their own).</summary>
    internal static async Task<List<Positioned<Interaction>>> Parse(params string[] lines)
    {
        var records = new List<Positioned<Interaction>>();
        await foreach (var parsed in new FactReader<Interaction>(FactShapes.Interaction)
                           .Read(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))), BodyFormat.Ndjson))
            records.Add(new Positioned<Interaction>(parsed.Position, parsed.Record!));
        return records;
    }

    [Fact]
    public async Task A_contact_dated_2000_does_not_stretch_the_forecast_history_beyond_its_window()
    {
        var lines = new List<string> { Contact("hist-2000", "2000-01-01T09:00:00Z", queue: "hist-q") };
        var start = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
        for (var day = 0; day < 56; day++)
            lines.Add(Contact($"hist-{day}", start.AddDays(day).AddHours(10).ToString("yyyy-MM-ddTHH:mm:ssZ"), queue: "hist-q"));
        (await host.Http.PostAsync("/api/interactions", Ndjson([.. lines]))).EnsureSuccessStatusCode();

        var settings = new ForecastSettings();
        var (history, _, from, to) = await host.Services.GetRequiredService<ForecastService>()
            .Prepare(new ForecastQuery("hist-q", null, IntervalLength.Hour, null, null, null), settings);
        Assert.Equal(start.AddDays(56), history.End);
        Assert.True(history.Start >= history.End.AddDays(-7 * settings.HistoryWeeks), $"history starts {history.Start:yyyy-MM-dd}");
        Assert.True(history.Count <= 24 * 7 * settings.HistoryWeeks);
        Assert.Equal(7, (to - from).TotalDays);

        // A forecast span is bounded too.
        using var far = await host.Http.GetAsync("/api/forecast/handle-time?queue=hist-q&from=2026-03-02&to=2030-01-01");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, far.StatusCode);
        Assert.Contains("at most 92 days", await far.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_pack_for_a_month_outside_the_window_is_refused_as_a_bad_month_not_a_server_error()
    {
        using var response = await host.Http.GetAsync("/api/reports/monthly/9999-12");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("month", await response.Content.ReadAsStringAsync());
    }
}
