namespace QmInsights.Silo.Commands;

/// <summary><c>qminsights health [url]</c>: exit code 0 when the silo's /health answers Healthy. Container images have
/// no curl, so compose health checks run this.</summary>
public static class HealthCommand
{
    public static async Task<int> Run(string[] args)
    {
        var url = args.Length > 0 ? args[0] : "http://127.0.0.1:8080";
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync("/health");
            Console.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"health: {url} does not answer: {e.Message}");
            return 1;
        }
    }
}
