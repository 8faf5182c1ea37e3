using Microsoft.AspNetCore.Builder;
using QmInsights.Silo.Hosting;

namespace QmInsights.Tests.Api;

/// <summary>The real host (HTTP API and silo) on free loopback ports, with an HttpClient pointed at it.</summary>
public class HostFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>Configuration a derived fixture adds (<c>--Key=value</c>).</summary>
    protected virtual IEnumerable<string> Settings => [];

    /// <summary>The host's services (grain factory, archive), for what has no HTTP surface such as reminders.</summary>
    public IServiceProvider Services => _app!.Services;

    public async ValueTask InitializeAsync()
    {
        _app = QmHost.Build([.. FreePorts.LocalHostArgs(), .. Settings]);
        await _app.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
