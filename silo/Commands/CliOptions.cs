using System.CommandLine;
using System.Globalization;

namespace QmInsights.Silo.Commands;

/// <summary>Options several commands take, each created anew for the command that adds it.</summary>
public static class CliOptions
{
    /// <summary>A date option (yyyy-MM-dd).</summary>
    public static Option<DateOnly?> Date(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "yyyy-MM-dd",
        CustomParser = r => DateOnly.TryParseExact(r.Tokens.Single().Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : Cli.Invalid<DateOnly?>(r, "is not a date (yyyy-MM-dd)"),
    };

    /// <summary><c>--from</c>: first day, inclusive.</summary>
    public static Option<DateOnly?> From() => Date("--from", "first day, inclusive");

    /// <summary><c>--to</c>: last day, inclusive.</summary>
    public static Option<DateOnly?> To() => Date("--to", "last day, inclusive");

    /// <summary><c>--teamId</c>: narrows to one team.</summary>
    public static Option<string?> TeamId() => new("--teamId") { Description = "only this team", HelpName = "team" };

    /// <summary>A whole number of at least <paramref name="minimum"/>.</summary>
    public static Option<int?> Count(string name, string description, int minimum) => new(name)
    {
        Description = description,
        HelpName = "n",
        CustomParser = r => int.TryParse(r.Tokens.Single().Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= minimum
            ? n : Cli.Invalid<int?>(r, $"must be a whole number of at least {minimum}"),
    };

    /// <summary>A number above zero.</summary>
    public static Option<double?> Positive(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "x",
        CustomParser = r => double.TryParse(r.Tokens.Single().Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x > 0 && double.IsFinite(x)
            ? x : Cli.Invalid<double?>(r, "must be a number above 0"),
    };

    /// <summary>Any finite number (the command checks its range).</summary>
    public static Option<double?> Number(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "x",
        CustomParser = r => double.TryParse(r.Tokens.Single().Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)
            ? x : Cli.Invalid<double?>(r, "is not a number"),
    };

    /// <summary>A text option that takes one of <paramref name="values"/>.</summary>
    public static Option<string?> OneOf(string name, string description, params string[] values) => new(name)
    {
        Description = description,
        HelpName = string.Join('|', values),
        CustomParser = r => r.Tokens.Single().Value is var v && values.Contains(v) ? v : Cli.Invalid<string?>(r, $"must be one of {string.Join(", ", values)}"),
    };
}
