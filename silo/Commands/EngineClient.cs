using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace QmInsights.Silo.Commands;

/// <summary>What the commands that read a running engine share: the <c>--url</c> and <c>--token</c> options (defaults from
/// <c>QM_URL</c> and <c>QM_TOKEN</c>), query strings built from typed options, and GET requests that report errors
/// readably.</summary>
public sealed class EngineClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly ParseResult _parsed;

    /// <summary>The HTTP client, with the engine's address and the bearer token set.</summary>
    public HttpClient Http => _http;

    /// <summary>The command line the command was invoked with, for its own options.</summary>
    public ParseResult Parsed => _parsed;

    private EngineClient(HttpClient http, ParseResult parsed)
    {
        _http = http;
        _parsed = parsed;
    }

    /// <summary>A command that talks to a running engine: adds <c>--url</c> and <c>--token</c> to
    /// <paramref name="command"/> and runs <paramref name="action"/> with a client for that engine.</summary>
    public static Command Command(Command command, Func<EngineClient, Task<int>> action)
    {
        var connection = EngineConnection.AddTo(command);
        command.SetAction(async (parsed, _) =>
        {
            if (connection.Address(parsed) is not { } address) return Cli.Fail(parsed, $"--url is required (or set {EngineConnection.UrlVariable})");
            using var engine = new EngineClient(connection.Client(address, parsed, TimeSpan.FromMinutes(10)), parsed);
            return await action(engine);
        });
        return command;
    }

    /// <summary>The given options that were set, as a query string ("" or "?a=1&amp;b=2"); an option's name without its
    /// dashes is the parameter's name.</summary>
    public string Query(params Option[] options)
    {
        var parts = new List<string>();
        foreach (var option in options)
        {
            if (_parsed.GetResult(option) is not { Implicit: false } result || result.GetValueOrDefault<object?>() is not { } value) continue;
            var text = value switch
            {
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString()!,
            };
            parts.Add($"{option.Name.TrimStart('-')}={Uri.EscapeDataString(text)}");
        }
        return parts.Count > 0 ? "?" + string.Join('&', parts) : "";
    }

    /// <summary>GETs a JSON document; null after printing the engine's answer when it is not a success.</summary>
    public Task<JsonDocument?> Get(string path) => Get(_http, _parsed.CommandResult.Command.Name, path);

    /// <summary>The same through any client (the demo's).</summary>
    public static async Task<JsonDocument?> Get(HttpClient http, string command, string path)
    {
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        if (response.IsSuccessStatusCode) return JsonDocument.Parse(text);
        Console.Error.WriteLine($"{command}: {(int)response.StatusCode} {text}");
        return null;
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();
}

/// <summary>The <c>--url</c> and <c>--token</c> options of one command, whose defaults come from the environment.</summary>
public sealed class EngineConnection
{
    /// <summary>Environment variable giving <c>--url</c>'s default.</summary>
    public const string UrlVariable = "QM_URL";

    /// <summary>Environment variable giving <c>--token</c>'s default.</summary>
    public const string TokenVariable = "QM_TOKEN";

    private readonly Option<Uri?> _url = new("--url")
    {
        Description = $"the engine's address, http(s)://host:port [default: ${UrlVariable}]",
        HelpName = "url",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url ? new Uri(url, UriKind.RelativeOrAbsolute) : null,
        CustomParser = result => Uri.TryCreate(result.Tokens.Single().Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri : Cli.Invalid<Uri?>(result, "must be an absolute http:// or https:// address"),
    };

    private readonly Option<string?> _token = new("--token")
    {
        Description = $"bearer token sent as Authorization header [default: ${TokenVariable}]",
        HelpName = "token",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } token ? token : null,
    };

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public static EngineConnection AddTo(Command command)
    {
        var connection = new EngineConnection();
        command.Options.Add(connection._url);
        command.Options.Add(connection._token);
        return connection;
    }

    /// <summary>The engine's address from the command line or <c>QM_URL</c>; null when neither gives an absolute one.</summary>
    public Uri? Address(ParseResult parsed) => parsed.GetValue(_url) is { IsAbsoluteUri: true } url ? url : null;

    /// <summary>An HTTP client for <paramref name="address"/> carrying the token, if any.</summary>
    public HttpClient Client(Uri address, ParseResult parsed, TimeSpan timeout)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = timeout };
        if (parsed.GetValue(_token) is { } token) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>The token from the command line or <c>QM_TOKEN</c>, if any.</summary>
    public string? Token(ParseResult parsed) => parsed.GetValue(_token);
}
