using System.CommandLine;
using System.Globalization;
using QmInsights.Domain.Simulation;
using QmInsights.Silo.Commands;

namespace QmInsights.Silo.Demo;

/// <summary>The simulated centre's command-line options (<c>demo</c> takes them all, <c>bench</c> the size ones), each
/// defaulting to <paramref name="defaults"/>; <see cref="SimulationOptions.Problems"/> checks them together.</summary>
public sealed class DemoOptions(SimulationOptions defaults, bool sizeOnly = false)
{
    private readonly Option<int?> _seed = CliOptions.Count("--seed", $"random seed of the simulation [default: {defaults.Seed}]", 0);
    private readonly Option<int?> _teams = CliOptions.Count("--teams", $"teams [default: {defaults.Teams}]", 1);
    private readonly Option<int?> _agents = CliOptions.Count("--agents", $"agents [default: {defaults.Agents}]", 1);
    private readonly Option<int?> _months = CliOptions.Count("--months", $"months of history [default: {defaults.Months}]", 1);
    private readonly Option<DateOnly?> _start = CliOptions.Date("--start", $"first day of the history [default: {defaults.Start:yyyy-MM-dd}]");
    private readonly Option<double?> _contacts = CliOptions.Number("--contacts-per-agent-day", $"contacts an agent handles a working day [default: {defaults.ContactsPerAgentDay.ToString(CultureInfo.InvariantCulture)}]");
    private readonly Option<double?> _surveyRate = CliOptions.Number("--survey-rate", $"share of contacts answering the survey, 0-1 [default: {defaults.SurveyResponseRate.ToString(CultureInfo.InvariantCulture)}]");

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        Option[] size = [_teams, _agents, _months, _contacts];
        foreach (var option in sizeOnly ? size : [_seed, .. size, _start, _surveyRate]) command.Options.Add(option);
    }

    /// <summary>The simulation the command line asks for; its problems, each naming the option, when it is not valid.</summary>
    public (SimulationOptions Simulation, IReadOnlyList<string> Problems) Read(ParseResult parsed) => Read(parsed, defaults);

    /// <summary>As <see cref="Read(ParseResult)"/>, with other defaults for what the command line leaves out (a
    /// command's mode with its own size, such as <c>bench --scale</c>).</summary>
    public (SimulationOptions Simulation, IReadOnlyList<string> Problems) Read(ParseResult parsed, SimulationOptions defaults)
    {
        var sim = defaults with
        {
            Seed = parsed.GetValue(_seed) ?? defaults.Seed,
            Teams = parsed.GetValue(_teams) ?? defaults.Teams,
            Agents = parsed.GetValue(_agents) ?? defaults.Agents,
            Months = parsed.GetValue(_months) ?? defaults.Months,
            Start = parsed.GetValue(_start) ?? defaults.Start,
            ContactsPerAgentDay = parsed.GetValue(_contacts) ?? defaults.ContactsPerAgentDay,
            SurveyResponseRate = parsed.GetValue(_surveyRate) ?? defaults.SurveyResponseRate,
        };
        return (sim, sim.Problems());
    }
}
