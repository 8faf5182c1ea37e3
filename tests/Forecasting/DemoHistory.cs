using QmInsights.Domain.Facts;
using QmInsights.Domain.Forecasting;
using QmInsights.Domain.Periods;
using QmInsights.Domain.Simulation;

namespace QmInsights.Tests.Forecasting;

/// <summary>Hourly offered-call history (abandoned calls included) of the simulated centre's billing queue: about 18 weeks from a seed.</summary>
internal static class DemoHistory
{
    public static readonly SimulationOptions Options = new() { Teams = 4, Agents = 60, Months = 4, Start = new DateOnly(2025, 9, 1),
        TimeZone = "Europe/Oslo" };

    public static List<Interaction> Interactions(int seed) => new CentreSimulation(Options with { Seed = seed }).Contacts().ToList();

    public static TallySeries Series(IEnumerable<Interaction> interactions, IntervalLength length, DateTime? to = null)
    {
        var from = Options.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to ?? Options.End.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return TallySeries.From(IntervalTallies.Of(interactions, "billing", Channel.Call, from, end, length), length, from, end, CentreCalendar.Of(Options.TimeZone).Zone);
    }
}
