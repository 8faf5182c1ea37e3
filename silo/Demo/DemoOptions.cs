using System.Globalization;
using QmInsights.Domain.Simulation;

namespace QmInsights.Silo.Demo;

/// <summary>Command-line options of <c>demo</c>.</summary>
public sealed record DemoOptions(SimulationOptions Simulation, Uri? Url, string? Token, bool Keep = false)
{
    public const string Usage = """
        usage: qminsights demo [--seed N] [--teams N] [--agents N] [--months N] [--start yyyy-MM-dd]
                               [--contacts-per-agent-day X] [--survey-rate X] [--url http://host:port] [--token T] [--keep]
          Generates a contact centre (default: 15 teams, 200 agents, 6 months from 2025-09-01 with a December peak),
          ingests it through the HTTP API and prints the summary. Without --url it starts its own engine;
          --keep leaves that engine running afterwards (Ctrl+C stops it) and prints the dashboard's address.
        """;

    public static (DemoOptions? Options, string? Error) Parse(string[] args)
    {
        var sim = new SimulationOptions();
        Uri? url = null;
        string? token = null;
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help") return (null, "");
            if (name == "--keep")
            {
                keep = true;
                continue;
            }
            if (i + 1 >= args.Length) return (null, $"{name}: needs a value");
            var value = args[++i];
            try
            {
                sim = name switch
                {
                    "--seed" => sim with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--teams" => sim with { Teams = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--agents" => sim with { Agents = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--months" => sim with { Months = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--start" => sim with { Start = DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture) },
                    "--contacts-per-agent-day" => sim with { ContactsPerAgentDay = double.Parse(value, CultureInfo.InvariantCulture) },
                    "--survey-rate" => sim with { SurveyResponseRate = double.Parse(value, CultureInfo.InvariantCulture) },
                    "--url" or "--token" => sim,
                    _ => throw new ArgumentException("unknown option"),
                };
                if (name == "--url") url = new Uri(value, UriKind.Absolute);
                if (name == "--token") token = value;
            }
            catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or UriFormatException)
            {
                return (null, e is ArgumentException { Message: "unknown option" } ? $"{name}: unknown option" : $"{name}: '{value}' is not valid ({e.Message})");
            }
        }
        var problems = sim.Problems();
        return problems.Count > 0 ? (null, string.Join("; ", problems)) : (new DemoOptions(sim, url, token, keep), null);
    }
}
