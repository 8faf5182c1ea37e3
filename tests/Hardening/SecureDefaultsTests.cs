using System.Net;
using QmInsights.Silo.Hosting;
using QmInsights.Tests.Api;

namespace QmInsights.Tests.Hardening;

/// <summary>Finding 9: an open API only on loopback, no cross-site changes from a browser, a dashboard that cannot be framed.</summary>
public sealed class SecureDefaultsTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://+:80", false)]
    [InlineData("https://10.1.2.3:8443", false)]
    public void Loopback_addresses_are_told_from_reachable_ones(string url, bool loopback) =>
        Assert.Equal(loopback, QmHardening.IsLoopback(url));

    [Fact]
    public void Without_an_admin_token_the_engine_refuses_to_listen_where_other_hosts_can_reach_it()
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => QmHost.Build(["--urls", "http://0.0.0.0:0"]));
        Assert.Contains("Auth:AdminToken", refusal.Message);
    }

    [Theory]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    public async Task A_cross_site_browser_post_to_an_open_engine_is_refused(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/retention/run");
        request.Headers.Add(header, value);
        using var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        // Scripts and the dashboard itself (same origin) still get through.
        using var same = new HttpRequestMessage(HttpMethod.Post, "/api/admin/retention/run");
        same.Headers.Add("Origin", host.Http.BaseAddress!.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.Conflict, (await host.Http.SendAsync(same)).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_forbids_framing_and_foreign_scripts()
    {
        using var response = await host.Http.GetAsync("/app/");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("default-src 'self'", policy);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }
}
