using System.Net;
using System.Text.Json;

namespace QmInsights.Tests.Api;

public sealed class QueryApiTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Summary_of_an_agent_without_data_has_null_rates_and_zero_counts()
    {
        using var doc = JsonDocument.Parse(await host.Http.GetStringAsync("/api/agents/nobody/summary"));
        var root = doc.RootElement;
        Assert.Equal(0, root.GetProperty("evaluations").GetInt64());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("qaScore").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("qaScoreCi95").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("csat").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("nps").ValueKind);
        Assert.Equal(0, root.GetProperty("trend").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/agents/a1/summary?from=yesterday", "from")]
    [InlineData("/api/teams/t1/summary?from=2026-03-01&to=2026-02-01", "to")]
    [InlineData("/api/teams/t1/summary?period=quarter", "period")]
    public async Task Bad_query_parameters_get_a_problem_naming_the_parameter(string url, string parameter)
    {
        using var response = await host.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(doc.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_summary_endpoints()
    {
        var text = await host.Http.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/agents/{agentId}/summary", text);
        Assert.Contains("/api/teams/{teamId}/summary", text);
        Assert.Contains("/api/scorecards/{scorecardId}/items", text);
    }

    [Fact]
    public async Task Health_is_OK_once_the_silo_is_an_active_cluster_member()
    {
        using var response = await host.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
