using System.CommandLine;
using System.CommandLine.Parsing;
using QmInsights.Silo.Bench;
using QmInsights.Silo.Demo;

namespace QmInsights.Silo.Commands;

/// <summary>The executable's command line: every command in one tree (one line each), parse errors as one line and
/// exit code 2. Without a command the engine is served, as <c>serve</c> does.</summary>
public static class Cli
{
    /// <summary>Exit code of a wrong command line (unknown command or option, missing or invalid value).</summary>
    public const int UsageError = 2;

    /// <summary>Exit code when the engine answered with an error or could not be reached.</summary>
    public const int Failure = 1;

    /// <summary>The root command and every subcommand.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("QmInsights: contact-centre quality monitoring analytics on Orleans. Without a command it serves the engine (see 'serve').");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(InsightsCommand.Create());
        root.Subcommands.Add(ForecastCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(CalibrationCommand.Create());
        root.Subcommands.Add(CadenceCommand.Create());
        root.Subcommands.Add(LeniencyCommand.Create());
        root.Subcommands.Add(SamplingCommand.Create());
        root.Subcommands.Add(EvaluationsCommand.Create());
        root.Subcommands.Add(RebuildCommand.Create());
        root.Subcommands.Add(HealthCommand.Create());
        root.Subcommands.Add(OpenApiCommand.Create());
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the command; a wrong command line prints one line to
    /// <paramref name="error"/> and returns <see cref="UsageError"/>.</summary>
    public static async Task<int> Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var parsed = Build().Parse(ServeCommand.IsImplied(args) ? ["serve", .. args] : args);
        var configuration = new InvocationConfiguration { Output = output ?? Console.Out, Error = error ?? Console.Error };
        if (parsed.CommandResult.Command is RootCommand && parsed.UnmatchedTokens.Count > 0)
            return Fail(parsed, $"'{parsed.UnmatchedTokens[0]}' is not a command", configuration.Error);
        if (parsed.Errors.Count > 0) return Fail(parsed, parsed.Errors[0].Message, configuration.Error);
        return await parsed.InvokeAsync(configuration);
    }

    /// <summary>Prints a one-line usage error naming the command and returns <see cref="UsageError"/>.</summary>
    public static int Fail(ParseResult parsed, string message, TextWriter? error = null)
    {
        var path = string.Join(' ', Path(parsed.CommandResult));
        (error ?? parsed.InvocationConfiguration.Error).WriteLine($"{path}: {message} (see '{path} --help')");
        return UsageError;
    }

    /// <summary>For custom parsers: records "--option: 'value' problem" and returns the default.</summary>
    public static T Invalid<T>(ArgumentResult result, string problem)
    {
        var name = result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
        result.AddError($"{name}: '{string.Join(' ', result.Tokens.Select(t => t.Value))}' {problem}");
        return default!;
    }

    private static IEnumerable<string> Path(CommandResult command)
    {
        var names = new Stack<string>();
        for (SymbolResult? s = command; s is not null; s = s.Parent)
            if (s is CommandResult c) names.Push(c.Command is RootCommand ? "qminsights" : c.Command.Name);
        return names;
    }
}
