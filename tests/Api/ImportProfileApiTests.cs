using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace QmInsights.Tests.Api;

/// <summary>Stored import profiles, used as <c>?profile=</c>, and the queue figures of what they brought in.</summary>
public sealed class ImportProfileApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_stored_profile_reads_its_sources_layout_on_ingestion_and_the_queue_figures_count_its_abandons()
    {
        using var put = await host.Http.PutAsJsonAsync("/api/import-profiles/pbx-export", new
        {
            name = "Our PBX export",
            fields = new Dictionary<string, string>
            {
                ["interactionId"] = "Call", ["agentId"] = "Agent", ["teamId"] = "Team", ["queue"] = "Skill",
                ["startedAt"] = "Start", ["handleSeconds"] = "Talk (ms)", ["waitSeconds"] = "Queue (ms)", ["outcome"] = "Result",
            },
            constants = new { channel = "call" },
            values = new { outcome = new Dictionary<string, string> { ["ANS"] = "handled", ["ABN"] = "abandoned" } },
            timeFormat = "yyyy-MM-dd HH:mm", timeZone = "America/New_York", durationUnit = "milliseconds",
        });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        const string csv = """
            Call,Agent,Team,Skill,Start,Talk (ms),Queue (ms),Result
            pbx-1,ag-pbx,tm-pbx,pbx-sales,2026-03-08 01:30,300500,12000,ANS
            pbx-2,,,pbx-sales,2026-03-08 03:30,0,65000,ABN
            pbx-3,ag-pbx,tm-pbx,pbx-sales,2026-03-08 04:10,120250,30000,ANS
            """;
        using var posted = await host.Http.PostAsync("/api/interactions?profile=pbx-export", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var report = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(3, report.GetProperty("accepted").GetInt32());

        var queues = await host.Http.GetFromJsonAsync<JsonElement>("/api/queues/figures?queue=pbx-sales&from=2026-03-08&to=2026-03-08");
        var total = Assert.Single(queues.EnumerateArray().ToList()).GetProperty("total");
        Assert.Equal((3L, 2L, 1L), (total.GetProperty("offered").GetInt64(), total.GetProperty("handled").GetInt64(), total.GetProperty("abandoned").GetInt64()));
        Assert.Equal(1 / 3.0, total.GetProperty("serviceLevel").GetDouble(), 12);
        Assert.Equal(210.4, total.GetProperty("ahtSeconds").GetDouble()); // (300.5 + 120.25) / 2 = 210.375
        var agent = await host.Http.GetFromJsonAsync<JsonElement>("/api/agents/ag-pbx/summary");
        Assert.Equal(2, agent.GetProperty("interactions").GetInt64());
    }

    [Fact]
    public async Task An_unknown_profile_and_a_broken_one_are_refused_naming_the_field()
    {
        using var unknown = await host.Http.PostAsync("/api/interactions?profile=nope", new StringContent("a,b\n1,2\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("no import profile 'nope'", await unknown.Content.ReadAsStringAsync());

        using var broken = await host.Http.PutAsJsonAsync("/api/import-profiles/broken", new
        {
            name = "Broken", fields = new Dictionary<string, string> { ["handleSeconds"] = "Talk" }, durationUnit = "hours",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
        Assert.Contains("durationUnit", await broken.Content.ReadAsStringAsync());

        var shipped = await host.Http.GetFromJsonAsync<JsonElement>("/api/import-profiles/amazon-connect");
        Assert.Equal("ContactId", shipped.GetProperty("fields").GetProperty("interactionId").GetString());
    }
}
