using System.Text;
using System.Text.Json;
using QmInsights.Domain.Facts;
using QmInsights.Tests.Api;

namespace QmInsights.Tests.Live;

/// <summary>The centre summary keeps each team's part on the silo between requests: what it answers after new data,
/// a repair or a new team in the roster must be what reading every team again would give.</summary>
public sealed class CentreSummaryTests(HostFixture host) : IClassFixture<HostFixture>
{
    private const string Path = "/api/centre/summary?period=month&from=2025-09-01&to=2025-09-30";

    [Fact]
    public async Task A_summary_read_again_follows_a_new_contact_of_one_team_and_a_team_new_to_the_roster()
    {
        foreach (var (agent, team) in new[] { ("cs-a1", "cs-t1"), ("cs-a2", "cs-t2") })
            await Roster(agent, team);
        var contacts = Enumerable.Range(0, 6).Select(i => Contact($"cs-{i}", i % 2 == 0 ? ("cs-a1", "cs-t1") : ("cs-a2", "cs-t2"), 10 + i)).ToList();
        Assert.Equal(6, (await FactPoster.Post(host.Http, contacts)).Accepted);

        using var before = await Read();
        Assert.Equal(6, Interactions(before.RootElement.GetProperty("centre")));
        Assert.Equal([3L, 3L], new[] { "cs-t1", "cs-t2" }.Select(t => Interactions(Team(before, t))));
        using (var again = await Read())
            Assert.Equal(before.RootElement.GetRawText(), again.RootElement.GetRawText());
        // The team's and the agent's own summaries are kept in their grains until their tallies change, too.
        Assert.Equal(new long[] { 3, 3 }, await Own());
        Assert.Equal(new long[] { 3, 3 }, await Own());

        Assert.Equal(1, (await FactPoster.Post(host.Http, [Contact("cs-late", ("cs-a2", "cs-t2"), 20)])).Accepted);
        using var after = await Read();
        Assert.Equal(7, Interactions(after.RootElement.GetProperty("centre")));
        Assert.Equal([3L, 4L], new[] { "cs-t1", "cs-t2" }.Select(t => Interactions(Team(after, t))));
        Assert.Equal(new long[] { 4, 4 }, await Own());

        await Roster("cs-a3", "cs-t3");
        using var rostered = await Read();
        Assert.Equal(["cs-t1", "cs-t2", "cs-t3"], rostered.RootElement.GetProperty("teams").EnumerateArray().Select(t => t.GetProperty("teamId").GetString()));
        Assert.Equal(0, Interactions(Team(rostered, "cs-t3")));
        Assert.Equal(7, Interactions(rostered.RootElement.GetProperty("centre")));
    }

    // cs-t2's and cs-a2's interactions in September, from their own summaries.
    private async Task<long[]> Own()
    {
        var counts = new List<long>();
        foreach (var path in new[] { "/api/teams/cs-t2/summary", "/api/agents/cs-a2/summary" })
        {
            using var summary = JsonDocument.Parse(await host.Http.GetStringAsync($"{path}?period=month&from=2025-09-01&to=2025-09-30"));
            counts.Add(Interactions(summary.RootElement));
        }
        return counts.ToArray();
    }

    private async Task<JsonDocument> Read() => JsonDocument.Parse(await host.Http.GetStringAsync(Path));

    private async Task Roster(string agentId, string teamId) =>
        (await host.Http.PutAsync($"/api/agents/{agentId}", new StringContent(
            $$"""{ "teamId": "{{teamId}}", "hiredAt": "2025-01-10T08:00:00Z" }""", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

    private static Interaction Contact(string id, (string Agent, string Team) who, int day) =>
        new(id, Channel.Call, who.Agent, who.Team, "billing", new DateTimeOffset(2025, 9, day, 10, 0, 0, TimeSpan.Zero), 300, null, null, true);

    private static long Interactions(JsonElement figures) => figures.GetProperty("interactions").GetInt64();

    private static JsonElement Team(JsonDocument summary, string teamId) => summary.RootElement.GetProperty("teams").EnumerateArray()
        .Single(t => t.GetProperty("teamId").GetString() == teamId).GetProperty("figures");
}
