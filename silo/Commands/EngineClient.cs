using System.Net.Http.Headers;
using System.Text.Json;

namespace QmInsights.Silo.Commands;

/// <summary>What the commands that read a running engine share: <c>--url</c> and <c>--token</c>, their own
/// <c>--name value</c> options and positional arguments, and GET requests that report errors readably.</summary>
public sealed class EngineClient : IDisposable
{
    private readonly HttpClient _http;

    public HttpClient Http => _http;

    public Dictionary<string, string> Options { get; }
    public List<string> Arguments { get; }

    private EngineClient(HttpClient http, Dictionary<string, string> options, List<string> arguments)
    {
        _http = http;
        Options = options;
        Arguments = arguments;
    }

    /// <summary>Reads the arguments; null (after printing the usage) when they are wrong.</summary>
    public static EngineClient? Parse(string command, string[] args, string usage, params string[] allowed)
    {
        string? url = null, token = null;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var arguments = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                arguments.Add(args[i]);
                continue;
            }
            if (i + 1 >= args.Length) return Usage(command, $"{args[i]} needs a value", usage);
            var (name, value) = (args[i][2..], args[++i]);
            switch (name)
            {
                case "url": url = value; break;
                case "token": token = value; break;
                default:
                    if (!allowed.Contains(name)) return Usage(command, $"--{name}: unknown option", usage);
                    options[name] = value;
                    break;
            }
        }
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var baseAddress)) return Usage(command, "--url http://host:port is required", usage);
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
        if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new EngineClient(http, options, arguments);
    }

    /// <summary>The options given among <paramref name="names"/>, as a query string ("" or "?a=1&amp;b=2").</summary>
    public string Query(params string[] names)
    {
        var parts = names.Where(Options.ContainsKey).Select(n => $"{n}={Uri.EscapeDataString(Options[n])}").ToList();
        return parts.Count > 0 ? "?" + string.Join('&', parts) : "";
    }

    /// <summary>GETs a JSON document; null after printing the engine's answer when it is not a success.</summary>
    public Task<JsonDocument?> Get(string command, string path) => Get(_http, command, path);

    /// <summary>The same through any client (the demo's).</summary>
    public static async Task<JsonDocument?> Get(HttpClient http, string command, string path)
    {
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        if (response.IsSuccessStatusCode) return JsonDocument.Parse(text);
        Console.Error.WriteLine($"{command}: {(int)response.StatusCode} {text}");
        return null;
    }

    public void Dispose() => _http.Dispose();

    private static EngineClient? Usage(string command, string error, string usage)
    {
        Console.Error.WriteLine($"{command}: {error}\nusage: qminsights {command} --url http://host:port [--token T] {usage}");
        return null;
    }
}
