using System.Text.Json;
using QmInsights.Domain.Aggregates;
using QmInsights.Domain.Scorecards;
using QmInsights.Silo.Api;
using QmInsights.Tests.Aggregates;

namespace QmInsights.Tests.Api;

/// <summary>Compares every agent and team summary the API serves for <see cref="RandomFacts"/> with a brute-force
/// recomputation from the facts.</summary>
public static class Recomputation
{
    private static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    public static async Task AssertSummariesMatch(HttpClient http, RandomFacts facts, ScorecardVersion version, string prefix)
    {
        var from = new DateOnly(2025, 1, 1);
        var to = new DateOnly(2027, 1, 1);
        for (var a = 0; a < 12; a++)
        {
            var agentId = $"{prefix}a{a}";
            var summary = JsonSerializer.Deserialize<QualityFigures>(await http.GetStringAsync($"/api/agents/{agentId}/summary"), Json)!;
            BruteForce.Of(facts, version, i => i.AgentId == agentId, (e, _) => e.AgentId == agentId, from, to).AssertMatches(summary, agentId);
        }
        for (var t = 0; t < 4; t++)
        {
            var teamId = $"{prefix}t{t}";
            var summary = JsonSerializer.Deserialize<QualityFigures>(await http.GetStringAsync($"/api/teams/{teamId}/summary"), Json)!;
            BruteForce.Of(facts, version, i => i.TeamId == teamId, (_, i) => i?.TeamId == teamId, from, to).AssertMatches(summary, teamId);
        }
    }

    /// <summary>Defines the scorecard the random facts are scored with.</summary>
    public static async Task PutScorecard(HttpClient http, ScorecardVersion version)
    {
        var body = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(body)) QmInsights.Domain.Ingestion.ContractJson.Write(writer, version.Definition, version.ValidFrom);
        using var put = await http.PutAsync($"/api/scorecards/{version.ScorecardId}",
            new ByteArrayContent(body.ToArray()) { Headers = { { "Content-Type", "application/json" } } });
        put.EnsureSuccessStatusCode();
    }
}
