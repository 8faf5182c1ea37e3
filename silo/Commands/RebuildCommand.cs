using System.Net.Http.Headers;

namespace QmInsights.Silo.Commands;

/// <summary><c>qminsights rebuild --url URL [--token T]</c>: asks a running engine to recompute every aggregate from
/// its stored facts and prints its progress.</summary>
public static class RebuildCommand
{
    public static async Task<int> Run(string[] args)
    {
        string? url = null, token = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--url") url = args[i + 1];
            else if (args[i] == "--token") token = args[i + 1];
            else return Usage($"{args[i]}: unknown option");
        }
        if (url is null || args.Length % 2 != 0) return Usage("--url is required");

        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = Timeout.InfiniteTimeSpan };
        if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/rebuild");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var body = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (await body.ReadLineAsync() is { } line) (response.IsSuccessStatusCode ? Console.Out : Console.Error).WriteLine(line);
        return response.IsSuccessStatusCode ? 0 : 1;
    }

    private static int Usage(string error)
    {
        Console.Error.WriteLine($"rebuild: {error}\nusage: qminsights rebuild --url http://host:port [--token T]");
        return 2;
    }
}
