using System.Globalization;
using System.Text;

namespace QmInsights.Tests.Delivery;

/// <summary>A small centre for pack e-mails: agents dl-ann and dl-bob in team dl-t1, dl-cid in dl-t2, each with contacts and
/// evaluations in September and October 2025.</summary>
public static class DeliveryCentre
{
    public static readonly string[] Agents = ["dl-ann", "dl-bob", "dl-cid"];

    public static async Task Feed(HttpClient http)
    {
        await Send(http, HttpMethod.Put, "/api/scorecards/dl-card", """
            { "name": "Dl", "targetPercent": 80, "sections": [ { "id": "s", "name": "S", "items": [
              { "id": "greet", "text": "Greets", "points": 1 }, { "id": "close", "text": "Closes", "points": 1 } ] } ] }
            """);
        foreach (var agent in Agents)
            await Send(http, HttpMethod.Put, $"/api/agents/{agent}", $$"""{ "teamId": "{{Team(agent)}}", "hiredAt": "2024-01-10T08:00:00Z" }""");
        var contacts = new StringBuilder();
        var evaluations = new StringBuilder();
        foreach (var (agent, a) in Agents.Select((x, i) => (x, i)))
            foreach (var month in new[] { 9, 10 })
                for (var day = 1; day <= 6; day++)
                {
                    var id = $"{agent}-{month}-{day}";
                    var at = new DateTimeOffset(2025, month, day * 4, 9 + a, 0, 0, TimeSpan.Zero).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                    contacts.Append($$"""{"interactionId":"{{id}}","channel":"call","agentId":"{{agent}}","teamId":"{{Team(agent)}}","queue":"q","startedAt":"{{at}}","handleSeconds":{{200 + 20 * day}}}""").Append('\n');
                    evaluations.Append($$$"""{"evaluationId":"e-{{{id}}}","interactionId":"{{{id}}}","agentId":"{{{agent}}}","evaluatorId":"qa","scorecardId":"dl-card","kind":"regular","evaluatedAt":"{{{at}}}","answers":{"greet":"yes","close":"{{{(day % 3 == a % 3 ? "no" : "yes")}}}"}}""").Append('\n');
                }
        await Send(http, HttpMethod.Post, "/api/interactions", contacts.ToString(), "application/x-ndjson");
        await Send(http, HttpMethod.Post, "/api/evaluations", evaluations.ToString(), "application/x-ndjson");
    }

    public static string Team(string agent) => agent == "dl-cid" ? "dl-t2" : "dl-t1";

    public static async Task<string> Send(HttpClient http, HttpMethod method, string path, string? body = null, string type = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, type);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text;
    }
}
