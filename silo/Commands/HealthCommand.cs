using System.CommandLine;

namespace QmInsights.Silo.Commands;

/// <summary><c>qminsights health [url]</c>: exit code 0 when the silo's /health answers Healthy. Container images have
/// no curl, so compose health checks run this.</summary>
public static class HealthCommand
{
    /// <summary>The <c>health</c> command.</summary>
    public static Command Create()
    {
        var url = new Argument<Uri>("url")
        {
            Description = "the silo's address",
            DefaultValueFactory = _ => new Uri("http://127.0.0.1:8080"),
            CustomParser = r => Uri.TryCreate(r.Tokens.Single().Value, UriKind.Absolute, out var uri) ? uri : Cli.Invalid<Uri>(r, "is not an absolute address"),
        };
        var command = new Command("health", "Exit code 0 when that silo is an active cluster member (GET /health); used by the compose health check.") { url };
        command.SetAction((parsed, _) => Check(parsed.GetRequiredValue(url)));
        return command;
    }

    private static async Task<int> Check(Uri url)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync("/health");
            Console.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? 0 : Cli.Failure;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"health: {url} does not answer: {e.Message}");
            return Cli.Failure;
        }
    }
}
