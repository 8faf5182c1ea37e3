using System.CommandLine;
using QmInsights.Silo.Hosting;

namespace QmInsights.Silo.Commands;

/// <summary><c>qminsights [serve] [--urls URL] [--Key=value ...]</c>: runs the engine (HTTP API, Orleans silo, dashboard)
/// until stopped. Every other token is a configuration setting for ASP.NET Core (see README, Configuration).</summary>
public static class ServeCommand
{
    private const string Description =
        "Serve the engine: the HTTP API, an Orleans silo and the dashboard, until Ctrl+C. Settings follow as --Key=value " +
        "or --Key value (e.g. --urls http://127.0.0.1:5080 --Storage:Provider=Postgres), or come from appsettings.json " +
        "and the environment (Storage__Provider=Postgres).";

    /// <summary>The <c>serve</c> command.</summary>
    public static Command Create()
    {
        // Settings are ASP.NET Core configuration, any key: they reach the host as the tokens nothing else matched.
        var serve = new Command("serve", Description) { TreatUnmatchedTokensAsErrors = false };
        serve.SetAction((parsed, _) => Serve([.. parsed.UnmatchedTokens]));
        return serve;
    }

    /// <summary>Whether a command line without a command asks to serve: it is empty or starts with a setting (but not
    /// with help or version, which the root command answers).</summary>
    public static bool IsImplied(string[] args) =>
        args.Length == 0 || (args[0].StartsWith('-') && args[0] is not ("-h" or "-?" or "--help" or "/?" or "/h" or "--version"));

    private static async Task<int> Serve(string[] settings)
    {
        var app = QmHost.Build(settings);
        await app.StartAsync();
        Console.WriteLine($"QmInsights API on {string.Join(", ", app.Urls)} (OpenAPI at /openapi/v1.json, Orleans dashboard at /dashboard)");
        await app.WaitForShutdownAsync();
        return 0;
    }
}
