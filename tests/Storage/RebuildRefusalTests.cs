using QmInsights.Silo.Hosting;

namespace QmInsights.Tests.Storage;

public sealed class RebuildRefusalTests
{
    [Fact]
    public async Task A_rebuild_without_stored_facts_is_refused_with_the_reason()
    {
        await using var app = QmHost.Build(FreePorts.LocalHostArgs());
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var response = await http.PostAsync("/api/admin/rebuild", null);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Storage:Provider=Postgres", await response.Content.ReadAsStringAsync());
        await app.StopAsync();
    }
}
