using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using QmInsights.Tests.Api;

namespace QmInsights.Tests.Hardening;

/// <summary>The real host with a small body limit (100 kB), so a too-large body is cheap to send.</summary>
public sealed class SmallBodyHostFixture : HostFixture
{
    public const int Limit = 100_000;

    protected override IEnumerable<string> Settings => [$"--Http:MaxBodyBytes={Limit}"];
}

/// <summary>Finding 6: every body error is a 4xx with the report of what was stored; control characters are refused
/// before they reach storage, logs or COPY.</summary>
public sealed class BodyErrorTests(SmallBodyHostFixture host) : IClassFixture<SmallBodyHostFixture>
{
    private static string Contact(string id) =>
        $$"""{"interactionId":"{{id}}","channel":"call","agentId":"body-a","teamId":"body-t","queue":"q","startedAt":"2026-03-02T09:00:00Z","handleSeconds":300}""";

    private async Task<(HttpStatusCode Status, JsonElement Body)> Send(HttpMethod method, string path, byte[] body, string type, bool chunked = false)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        if (chunked)
        {
            request.Headers.TransferEncodingChunked = true;
            request.Content.Headers.ContentLength = null;
        }
        using var response = await host.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    // Two valid records, then one whose agentId holds a byte that is not UTF-8 (0xFF).
    private static byte[] WithBadByte(string prefix, string[] good, string bad, string separator, string suffix)
    {
        var text = Encoding.UTF8.GetBytes(prefix + string.Join(separator, good) + separator);
        var broken = Encoding.UTF8.GetBytes(bad).Select(b => b == (byte)'~' ? (byte)0xFF : b).ToArray();
        return [.. text, .. broken, .. Encoding.UTF8.GetBytes(suffix)];
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/x-ndjson")]
    [InlineData("text/csv")]
    public async Task Invalid_utf8_answers_400_with_the_report_of_what_was_stored_before_it(string type)
    {
        var tag = type.Split('/')[1];
        byte[] body = type switch
        {
            "application/json" => WithBadByte("[", [Contact($"u8-{tag}-1"), Contact($"u8-{tag}-2")], Contact($"u8-{tag}-~"), ",", "]"),
            "application/x-ndjson" => WithBadByte("", [Contact($"u8-{tag}-1"), Contact($"u8-{tag}-2")], Contact($"u8-{tag}-~"), "\n", "\n"),
            _ => WithBadByte("interactionId,channel,agentId,teamId,queue,startedAt,handleSeconds\n",
                [$"u8-{tag}-1,call,body-a,body-t,q,2026-03-02T09:00:00Z,300", $"u8-{tag}-2,call,body-a,body-t,q,2026-03-02T09:00:00Z,300"],
                $"u8-{tag}-~,call,body-a,body-t,q,2026-03-02T09:00:00Z,300", "\n", "\n"),
        };
        var (status, problem) = await Send(HttpMethod.Post, "/api/interactions", body, type);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("not valid UTF-8", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("report").GetProperty("accepted").GetInt32() == 2, problem.ToString());
    }

    [Fact]
    public async Task Invalid_utf8_in_a_roster_entry_answers_400()
    {
        var body = Encoding.UTF8.GetBytes("""{ "teamId": "t~", "hiredAt": "2024-01-10T08:00:00Z" }""").Select(b => b == (byte)'~' ? (byte)0xC3 : b).ToArray();
        var (status, problem) = await Send(HttpMethod.Put, "/api/agents/u1", body, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_over_the_limit_answers_413_with_the_report_of_what_was_stored(bool chunked)
    {
        var lines = Enumerable.Range(0, 2000).Select(i => Contact($"big-{chunked}-{i}")).ToList();
        var body = Encoding.UTF8.GetBytes(string.Join('\n', lines));
        Assert.True(body.Length > SmallBodyHostFixture.Limit);
        var (status, problem) = await Send(HttpMethod.Post, "/api/interactions", body, "application/x-ndjson", chunked);
        Assert.True(status == HttpStatusCode.RequestEntityTooLarge, $"{status}: {problem}");
        Assert.Contains("Http:MaxBodyBytes", problem.GetProperty("detail").GetString());
        // What Kestrel let through before the limit is stored and counted (with Content-Length, or when the whole body is
        // already buffered, nothing is); never the whole body.
        var accepted = problem.GetProperty("report").GetProperty("accepted").GetInt32();
        Assert.InRange(accepted, 0, lines.Count - 1);
    }

    [Fact]
    public async Task Control_characters_are_refused_in_comments_names_and_ids_naming_the_field()
    {
        var evaluation = """{"evaluationId":"ctl-e1","interactionId":"ctl-i1","agentId":"ctl-a","evaluatorId":"ev","scorecardId":"none","kind":"regular","evaluatedAt":"2026-03-02T09:00:00Z","answers":{"a":"yes"},"comment":"bad\u0000byte"}""";
        var (status, problem) = await Send(HttpMethod.Post, "/api/evaluations", Encoding.UTF8.GetBytes(evaluation), "application/json");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.StartsWith("comment: contains the control character U+0000", problem.GetProperty("detail").GetString());

        var (tokenStatus, tokenProblem) = await Send(HttpMethod.Post, "/api/auth/tokens",
            Encoding.UTF8.GetBytes("""{ "role": "executive", "name": "evil\u0000name" }"""), "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, tokenStatus);
        Assert.Contains("control character", tokenProblem.ToString());

        var (peakStatus, peakProblem) = await Send(HttpMethod.Put, "/api/forecast/peaks/ctl-peak",
            Encoding.UTF8.GetBytes("""{ "name": "sale\u0007", "from": "2026-11-27", "to": "2026-11-30" }"""), "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, peakStatus);
        Assert.Contains("control character", peakProblem.ToString());

        var (idStatus, idProblem) = await Send(HttpMethod.Post, "/api/interactions",
            Encoding.UTF8.GetBytes(Contact("ctl\\u001bid")), "application/json");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, idStatus);
        Assert.StartsWith("interactionId: must not contain control characters", idProblem.GetProperty("detail").GetString());
    }
}
