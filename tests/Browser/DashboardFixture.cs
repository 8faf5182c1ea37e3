using QmInsights.Tests.Api;

namespace QmInsights.Tests.Browser;

/// <summary>The simulated centre and a headless Chromium to look at its dashboard.</summary>
public sealed class DashboardFixture : SimulatedCentreFixture
{
    public Chromium Browser { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Browser = await Chromium.Launch();
    }

    public string AppUrl(string fragment) => new Uri(Http.BaseAddress!, $"/app/{fragment}").ToString();

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        await base.DisposeAsync();
    }
}
