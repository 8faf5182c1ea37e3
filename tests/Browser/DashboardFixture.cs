using Microsoft.Playwright;
using QmInsights.Tests.Api;

namespace QmInsights.Tests.Browser;

/// <summary>The simulated centre and the system's headless Chromium, driven by Playwright, to look at its dashboard.</summary>
public class DashboardFixture : SimulatedCentreFixture
{
    /// <summary>Debian's Chromium (<c>apt-get install chromium</c>; <c>.ci/run</c> installs it when missing): Playwright
    /// launches it by path, so no browser is downloaded and no <c>playwright install</c> is needed.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    /// <summary>One browser for the class; each test opens its own context (fresh storage, its own trace).</summary>
    public IBrowser Browser { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true });
    }

    public string AppUrl(string fragment) => new Uri(Http.BaseAddress!, $"/app/{fragment}").ToString();

    /// <summary>A client of the same host carrying <paramref name="token"/>.</summary>
    public HttpClient Client(string token) => new() { BaseAddress = Http.BaseAddress, DefaultRequestHeaders = { Authorization = new("Bearer", token) } };

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>The same behind a token: the dashboard must ask for it.</summary>
public sealed class TokenDashboardFixture : DashboardFixture
{
    public override string? Token => "dashboard-test-token";
}
