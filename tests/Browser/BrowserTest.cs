using System.Globalization;
using Microsoft.Playwright;

namespace QmInsights.Tests.Browser;

/// <summary>One test, one browser context and page, traced: a test that fails leaves a full-page screenshot and a
/// Playwright trace (<c>playwright show-trace</c>) in <see cref="FailureFolder"/>; a passing test keeps nothing.</summary>
public abstract class BrowserTest(DashboardFixture centre) : IAsyncLifetime
{
    /// <summary>How long a locator assertion waits for the page (the engine answers a large view in seconds).</summary>
    protected const float Patience = 30_000;

    /// <summary>Where failing tests leave their screenshot and trace: <c>TestResults/browser</c> beside the test
    /// assembly (<c>tests/bin/Debug/net10.0/TestResults/browser</c>), the test platform's results folder.</summary>
    public static readonly string FailureFolder = Path.Combine(AppContext.BaseDirectory, "TestResults", "browser");

    /// <summary>The simulated centre and its host.</summary>
    protected DashboardFixture Centre { get; } = centre;

    /// <summary>The page under test.</summary>
    protected IPage Page { get; private set; } = null!;

    private IBrowserContext _context = null!;

    public async ValueTask InitializeAsync()
    {
        _context = await Centre.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        _context.SetDefaultTimeout(Patience);
        Assertions.SetDefaultExpectTimeout(Patience);
        await _context.Tracing.StartAsync(new() { Title = TestName, Snapshots = true, Screenshots = true });
        Page = await _context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            Directory.CreateDirectory(FailureFolder);
            var file = Path.Combine(FailureFolder, TestName);
            await Page.ScreenshotAsync(new() { Path = file + ".png", FullPage = true });
            await _context.Tracing.StopAsync(new() { Path = file + ".trace.zip" });
        }
        else await _context.Tracing.StopAsync();
        await _context.DisposeAsync();
    }

    private static string TestName =>
        TestContext.Current.Test is { } test ? $"{test.TestCase.TestClassSimpleName}.{test.TestCase.TestMethodName}" : "browser-test";

    /// <summary>Playwright's auto-waiting assertion on <paramref name="locator"/>.</summary>
    protected static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>Playwright's auto-waiting assertion on the page (its address).</summary>
    protected static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    /// <summary>Opens <paramref name="fragment"/> of the app as a fresh page load.</summary>
    protected async Task Open(string fragment)
    {
        // An address that differs from the current one only after '#' would not load the page again.
        if (Page.Url != "about:blank") await Page.GotoAsync("about:blank");
        await Page.GotoAsync(Centre.AppUrl(fragment));
    }

    /// <summary>Waits until <paramref name="view"/> is rendered (its KPI tiles are there), and its heading names
    /// <paramref name="heading"/> when given.</summary>
    protected async Task ViewLoaded(string view, string? heading = null)
    {
        await Expect(Page.Locator($"#main[data-view={view}] [data-kpi=interactions]")).ToBeVisibleAsync();
        if (heading is not null) await Expect(Page.Locator("h1")).ToContainTextAsync(heading);
    }

    /// <summary>The value of the KPI tile <paramref name="name"/>.</summary>
    protected ILocator Kpi(string name) => Page.Locator($"[data-kpi={name}] .value");

    /// <summary>Waits until the page's event stream is open.</summary>
    protected Task Live() => Expect(Page.Locator("#live.on")).ToHaveTextAsync("live");

    /// <summary>A count as the page formats it (like en-GB, which for these numbers is the invariant format).</summary>
    protected static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
