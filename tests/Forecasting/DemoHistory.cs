using QmInsights.Domain.Facts;
using QmInsights.Domain.Forecasting;
using QmInsights.Domain.Simulation;

namespace QmInsights.Tests.Forecasting;

/// <summary>Hourly call history of the simulated centre's billing queue: about 18 weeks from a seed.</summary>
internal static class DemoHistory
{
    public static readonly SimulationOptions Options = new() { Teams = 4, Agents = 60, Months = 4, Start = new DateOnly(2025, 9, 1) };

    public static List<Interaction> Interactions(int seed) => new CentreSimulation(Options with { Seed = seed }).Interactions().ToList();

    public static TallySeries Series(IEnumerable<Interaction> interactions, IntervalLength length, DateTime? to = null)
    {
        var from = Options.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to ?? Options.End.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return TallySeries.From(IntervalTallies.Of(interactions, "billing", Channel.Call, from, end, length), length, from, end, Options.TimeZone);
    }
}
