using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using QmInsights.Domain.Access;
using QmInsights.Silo.Hosting;

namespace QmInsights.Tests.Api;

/// <summary>/metrics as an operations stack scrapes it: Prometheus text, admins only, the ingestion counters moving
/// with an import.</summary>
public sealed class MetricsTests(SecuredHostFixture host) : IClassFixture<SecuredHostFixture>
{
    [Fact]
    public async Task Ingestion_counters_move_after_an_import_and_Orleans_meters_are_exported()
    {
        var before = await Scrape();
        var run = Guid.NewGuid().ToString("N")[..8];
        var body = string.Join('\n',
            Interaction($"m-{run}-1", "call"),
            Interaction($"m-{run}-2", "chat"),
            Interaction($"m-{run}-3", "fax"));
        using (var response = await host.Admin.PostAsync("/api/interactions", new StringContent(body, Encoding.UTF8, "application/x-ndjson")))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await Scrape();

        // Exactly: each host exports only its own meter's counts, whatever other engines in this process ingest.
        Assert.Equal(2, Value(after, "qm_ingest_records_total", "kind=\"interaction\"", "outcome=\"accepted\"")
                        - Value(before, "qm_ingest_records_total", "kind=\"interaction\"", "outcome=\"accepted\""));
        Assert.Equal(1, Value(after, "qm_ingest_records_total", "kind=\"interaction\"", "outcome=\"rejected\"", "reason=\"channel\"")
                        - Value(before, "qm_ingest_records_total", "kind=\"interaction\"", "outcome=\"rejected\"", "reason=\"channel\""));
        Assert.Equal(1, Value(after, "qm_ingest_chunk_duration_seconds_count", "kind=\"interaction\"")
                        - Value(before, "qm_ingest_chunk_duration_seconds_count", "kind=\"interaction\""));
        Assert.Contains("# TYPE qm_ingest_chunk_duration_seconds histogram", after);
        Assert.Matches(@"(?m)^orleans_\w+", after);
    }

    [Fact]
    public async Task Another_engine_in_the_same_process_leaves_this_engines_counters_alone()
    {
        var before = await Scrape();
        await using var other = QmHost.Build(FreePorts.LocalHostArgs());
        await other.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(other.Urls.First()) };
        var run = Guid.NewGuid().ToString("N")[..8];
        var body = string.Join('\n', Interaction($"o-{run}-1", "call"), Interaction($"o-{run}-2", "email"));
        using (var response = await http.PostAsync("/api/interactions", new StringContent(body, Encoding.UTF8, "application/x-ndjson")))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The other engine counted them (open on loopback, its /metrics needs no token).
        Assert.Equal(2, Value(await http.GetStringAsync("/metrics"), "qm_ingest_records_total", "kind=\"interaction\"", "outcome=\"accepted\""));
        await other.StopAsync();

        var after = await Scrape();
        Assert.Equal(Value(before, "qm_ingest_records_total", "kind=\"interaction\"", "outcome=\"accepted\""),
            Value(after, "qm_ingest_records_total", "kind=\"interaction\"", "outcome=\"accepted\""));
    }

    [Fact]
    public async Task Only_admins_read_the_metrics()
    {
        using (var anonymous = await host.As(null).GetAsync("/metrics")) Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using (var executive = await host.As(Role.Executive).GetAsync("/metrics")) Assert.Equal(HttpStatusCode.Forbidden, executive.StatusCode);
        using (var qaManager = await host.As(Role.QaManager).GetAsync("/metrics")) Assert.Equal(HttpStatusCode.Forbidden, qaManager.StatusCode);
    }

    private static string Interaction(string id, string channel) =>
        $$"""{"interactionId":"{{id}}","channel":"{{channel}}","agentId":"sec-a1","teamId":"sec-t1","queue":"billing","startedAt":"2026-11-02T09:00:00Z","handleSeconds":300}""";

    private async Task<string> Scrape()
    {
        using var response = await host.Admin.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The value of the sample of <paramref name="metric"/> carrying every one of <paramref name="labels"/>; 0 when
    /// there is none yet (a counter not yet incremented is not exported).</summary>
    private static double Value(string exposition, string metric, params string[] labels)
    {
        foreach (Match m in Regex.Matches(exposition, $@"(?m)^{metric}\{{([^}}]*)\}} (\S+)"))
            if (labels.All(m.Groups[1].Value.Contains))
                return double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        return 0;
    }
}
