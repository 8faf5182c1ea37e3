using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using QmInsights.Tests.Api;

namespace QmInsights.Tests.Hardening;

/// <summary>The real host behind a token, with at most two live streams per caller.</summary>
public sealed class StreamCapHostFixture : HostFixture
{
    public const string AdminToken = "stream-admin-secret";

    protected override IEnumerable<string> Settings => [$"--Auth:AdminToken={AdminToken}", "--Live:MaxStreamsPerCaller=2"];

    public HttpClient Client(string token) =>
        new() { BaseAddress = Http.BaseAddress, DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
}

/// <summary>Finding 5: live streams are capped per caller and end when their token is revoked; finding 10: tokens expire.</summary>
public sealed class LiveStreamTests(StreamCapHostFixture host) : IClassFixture<StreamCapHostFixture>
{
    private async Task<(string Id, string Token)> Issue(string name)
    {
        using var admin = host.Client(StreamCapHostFixture.AdminToken);
        using var response = await admin.PostAsync("/api/auth/tokens",
            new StringContent($$"""{ "role": "executive", "name": "{{name}}" }""", Encoding.UTF8, "application/json"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(89));
        return (body.RootElement.GetProperty("id").GetString()!, body.RootElement.GetProperty("token").GetString()!);
    }

    private static Task<HttpResponseMessage> Open(HttpClient http) =>
        http.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_caller_holds_at_most_the_configured_number_of_streams_and_others_are_not_affected()
    {
        var (_, token) = await Issue("many streams");
        using var http = host.Client(token);
        using var first = await Open(http);
        using var second = await Open(http);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        using (var third = await Open(http)) Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);

        var (_, other) = await Issue("someone else");
        using var otherHttp = host.Client(other);
        using var theirs = await Open(otherHttp);
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);
    }

    [Fact]
    public async Task A_stream_opened_before_its_token_is_revoked_ends()
    {
        var (id, token) = await Issue("revoked reader");
        using var http = host.Client(token);
        using var response = await Open(http);
        await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        using (var admin = host.Client(StreamCapHostFixture.AdminToken))
            (await admin.DeleteAsync($"/api/auth/tokens/{id}")).EnsureSuccessStatusCode();
        // The server ends the stream within a poll or two; without that the read would wait for the 20 s ping for ever.
        var end = Task.Run(async () =>
        {
            var buffer = new byte[1024];
            while (await stream.ReadAsync(buffer) > 0) { }
        });
        await end.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
    }
}
