using System.Net;
using System.Text;
using System.Text.Json;
using QmInsights.Domain.Facts;

namespace QmInsights.Tests.Api;

/// <summary>The endpoints the dashboard adds: centre summary, directory, channel filter and the event stream.</summary>
public sealed class CentreApiTests(SimulatedCentreFixture centre) : IClassFixture<SimulatedCentreFixture>
{
    [Fact]
    public async Task The_centre_summary_is_the_sum_of_its_teams_in_total_and_in_every_period()
    {
        using var summary = JsonDocument.Parse(await centre.Http.GetStringAsync("/api/centre/summary?period=month&from=2025-09-10"));
        var whole = summary.RootElement.GetProperty("centre");
        var teams = new List<JsonDocument>();
        foreach (var teamId in centre.Simulation.TeamIds)
            teams.Add(JsonDocument.Parse(await centre.Http.GetStringAsync($"/api/teams/{teamId}/summary?period=month&from=2025-09-10")));

        foreach (var field in new[] { "interactions", "evaluations", "surveys", "csatResponses" })
            Assert.Equal(teams.Sum(t => t.RootElement.GetProperty(field).GetInt64()), whole.GetProperty(field).GetInt64());
        // The QA score is the evaluation-weighted mean of the teams' scores.
        var weighted = teams.Sum(t => t.RootElement.GetProperty("qaScore").GetDouble() * t.RootElement.GetProperty("evaluations").GetInt64())
            / teams.Sum(t => t.RootElement.GetProperty("evaluations").GetInt64());
        Assert.Equal(weighted, whole.GetProperty("qaScore").GetDouble(), 9);

        var periods = whole.GetProperty("trend").EnumerateArray().ToList();
        Assert.Equal("2025-09", periods[0].GetProperty("period").GetString());
        foreach (var period in periods)
        {
            var name = period.GetProperty("period").GetString();
            var sum = teams.Sum(t => t.RootElement.GetProperty("trend").EnumerateArray()
                .Where(p => p.GetProperty("period").GetString() == name).Sum(p => p.GetProperty("interactions").GetInt64()));
            Assert.Equal(sum, period.GetProperty("interactions").GetInt64());
        }
        // Each team's totals are listed beside the centre's.
        Assert.Equal(centre.Simulation.TeamIds.Order(), summary.RootElement.GetProperty("teams").EnumerateArray().Select(t => t.GetProperty("teamId").GetString()!));
    }

    [Fact]
    public async Task A_channel_filter_keeps_that_channel_in_agent_team_and_centre_summaries()
    {
        var teamId = centre.Simulation.TeamIds[0];
        var agentId = centre.Simulation.Roster().First().AgentId;
        foreach (var path in new[] { $"/api/teams/{teamId}/summary", $"/api/agents/{agentId}/summary" })
        {
            using var all = JsonDocument.Parse(await centre.Http.GetStringAsync(path));
            using var chat = JsonDocument.Parse(await centre.Http.GetStringAsync($"{path}?channel=chat"));
            var byChannel = all.RootElement.GetProperty("byChannel").GetProperty("chat");
            Assert.Equal(byChannel.GetProperty("interactions").GetInt64(), chat.RootElement.GetProperty("interactions").GetInt64());
            Assert.Equal(byChannel.GetProperty("evaluations").GetInt64(), chat.RootElement.GetProperty("evaluations").GetInt64());
            Assert.Equal(["chat"], chat.RootElement.GetProperty("byChannel").EnumerateObject().Select(p => p.Name));
        }
        using var centreChat = JsonDocument.Parse(await centre.Http.GetStringAsync("/api/centre/summary?channel=chat"));
        Assert.Equal(centre.Simulation.Interactions().Count(i => i.Channel == Channel.Chat && i.IsHandled),
            centreChat.RootElement.GetProperty("centre").GetProperty("interactions").GetInt64());

        using var fax = await centre.Http.GetAsync($"/api/teams/{teamId}/summary?channel=fax");
        Assert.Equal(HttpStatusCode.BadRequest, fax.StatusCode);
        Assert.Contains("'fax' is not one of call, email, chat", await fax.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_directory_lists_every_team_with_its_agents_and_the_scorecards()
    {
        using var directory = JsonDocument.Parse(await centre.Http.GetStringAsync("/api/directory"));
        var roster = centre.Simulation.Roster().ToList();
        var teams = directory.RootElement.GetProperty("teams").EnumerateArray()
            .ToDictionary(t => t.GetProperty("teamId").GetString()!, t => t.GetProperty("agents").GetInt32());
        Assert.Equal(roster.GroupBy(r => r.TeamId).ToDictionary(g => g.Key, g => g.Count()), teams);
        Assert.Equal(roster.Select(r => r.AgentId).Order(), directory.RootElement.GetProperty("agents").EnumerateArray().Select(a => a.GetProperty("agentId").GetString()!));
        Assert.Equal(["core-quality"], directory.RootElement.GetProperty("scorecards").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task The_event_stream_says_hello_then_names_the_team_and_agent_that_new_data_changed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        using var response = await centre.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        Assert.Equal("hello", await NextEvent(reader, "hello"));

        // The stream starts from the feed's current version once the silo polls; give it a tick before posting.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var roster = centre.Simulation.Roster().Last();
        var contact = new Interaction($"sse-{Guid.NewGuid():N}", Channel.Email, roster.AgentId, roster.TeamId, "billing",
            new DateTimeOffset(2025, 9, 15, 9, 0, 0, TimeSpan.Zero), 120, null, null, true);
        Assert.Equal(1, (await FactPoster.Post(centre.Http, [contact])).Accepted);

        var data = await NextEvent(reader, "changed");
        using var change = JsonDocument.Parse(data);
        Assert.Contains(roster.TeamId, change.RootElement.GetProperty("teams").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains(roster.AgentId, change.RootElement.GetProperty("agents").EnumerateArray().Select(a => a.GetString()));
    }

    // Reads "event: name" / "data: ..." blocks until one of the wanted name; returns its data ("hello" for hello).
    private static async Task<string> NextEvent(StreamReader reader, string wanted)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        string? name = null;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && name == wanted) return wanted == "hello" ? name : line[6..];
        }
        throw new InvalidOperationException($"the stream ended before a '{wanted}' event");
    }
}
