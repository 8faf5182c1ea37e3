using QmInsights.Silo.Commands;

namespace QmInsights.Tests.Commands;

/// <summary>The command line as a user meets it: help everywhere, and a wrong command line answered with one line
/// naming the problem and exit code 2 (no engine is started or called).</summary>
public sealed class CliTests
{
    public static TheoryData<string> Commands() => [.. Cli.Build().Subcommands.Select(c => c.Name)];

    [Fact]
    public async Task Root_help_lists_every_command()
    {
        var (code, output, error) = await Run("--help");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("Usage:", output);
        foreach (var command in Cli.Build().Subcommands) Assert.Contains($"  {command.Name}", output);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_prints_its_help(string command)
    {
        var (code, output, error) = await Run(command, "--help");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        // The usage line starts with the executable's name: qminsights, or the test assembly's here.
        Assert.Matches($@"Usage:\s+\S+ {command}\b", output);
        Assert.Contains("--help", output);
    }

    [Theory]
    [InlineData(new[] { "insights", "--bogus", "1" }, "qminsights insights: Unrecognized command or argument '--bogus'")]
    [InlineData(new[] { "insights", "--from", "2025-13-01", "--url", "http://127.0.0.1:1" }, "qminsights insights: --from: '2025-13-01' is not a date (yyyy-MM-dd)")]
    [InlineData(new[] { "forecast", "--interval", "week", "--url", "http://127.0.0.1:1" }, "qminsights forecast: --interval: 'week' must be one of 15min, hour, day")]
    [InlineData(new[] { "report", "--month", "2025-1", "--out", "x.pdf", "--url", "http://127.0.0.1:1" }, "qminsights report: --month: '2025-1' is not a month (yyyy-MM)")]
    [InlineData(new[] { "demo", "--teams", "0" }, "qminsights demo: --teams: '0' must be a whole number of at least 1")]
    [InlineData(new[] { "demo", "--teams", "20", "--agents", "10" }, "qminsights demo: agents: must be at least the number of teams")]
    [InlineData(new[] { "sampling", "--url", "ftp://host" }, "qminsights sampling: --url: 'ftp://host' must be an absolute http:// or https:// address")]
    [InlineData(new[] { "evaluations", "--url", "http://127.0.0.1:1" }, "qminsights evaluations: Option '--agent' is required.")]
    [InlineData(new[] { "insigths" }, "qminsights: 'insigths' is not a command")]
    public async Task A_wrong_command_line_prints_one_line_and_exits_2(string[] args, string message)
    {
        var (code, output, error) = await Run(args);
        Assert.Equal(Cli.UsageError, code);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(message, line);
    }

    [Fact]
    public async Task An_engine_command_without_url_or_QM_URL_asks_for_it()
    {
        // QM_URL is read when the option has no value: only meaningful where the test environment does not set it.
        Assert.Null(Environment.GetEnvironmentVariable(EngineConnection.UrlVariable));
        var (code, _, error) = await Run("cadence");
        Assert.Equal(Cli.UsageError, code);
        Assert.StartsWith("qminsights cadence: --url is required (or set QM_URL)", error);
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await Cli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
