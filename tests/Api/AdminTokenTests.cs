using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using QmInsights.Silo.Hosting;

namespace QmInsights.Tests.Api;

public sealed class AdminTokenTests
{
    [Fact]
    public async Task With_an_admin_token_configured_the_API_answers_only_that_bearer_token()
    {
        await using var app = QmHost.Build([.. FreePorts.LocalHostArgs(), "--Auth:AdminToken=s3cret"]);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var anonymous = await http.GetAsync("/api/agents/a1/summary");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        using var wrong = await http.GetAsync("/api/agents/a1/summary");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
        using var admin = await http.GetAsync("/api/agents/a1/summary");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        await app.StopAsync();
    }
}
