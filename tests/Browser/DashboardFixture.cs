using QmInsights.Tests.Api;

namespace QmInsights.Tests.Browser;

/// <summary>The simulated centre and a headless Chromium to look at its dashboard.</summary>
public class DashboardFixture : SimulatedCentreFixture
{
    public Chromium Browser { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Browser = await Chromium.Launch();
    }

    public string AppUrl(string fragment) => new Uri(Http.BaseAddress!, $"/app/{fragment}").ToString();

    /// <summary>A client of the same host carrying <paramref name="token"/>.</summary>
    public HttpClient Client(string token) => new() { BaseAddress = Http.BaseAddress, DefaultRequestHeaders = { Authorization = new("Bearer", token) } };

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>The same behind a token: the dashboard must ask for it.</summary>
public sealed class TokenDashboardFixture : DashboardFixture
{
    public override string? Token => "dashboard-test-token";
}
