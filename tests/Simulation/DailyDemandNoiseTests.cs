using QmInsights.Domain.Simulation;

namespace QmInsights.Tests.Simulation;

/// <summary>The simulator's day-to-day demand swing (<see cref="SimulationOptions.DailyDemandNoise"/>): off by default, and
/// when on, a centre-wide, persistent overdispersion of the day totals, as real arrivals show.</summary>
public sealed class DailyDemandNoiseTests
{
    private static readonly SimulationOptions Options = new() { Teams = 2, Agents = 20, Months = 3, Start = new DateOnly(2025, 9, 1) };

    [Fact]
    public void Without_noise_the_contacts_are_those_of_a_simulation_that_never_heard_of_it()
    {
        var plain = new CentreSimulation(Options).Contacts().Select(c => c.InteractionId + c.StartedAt.ToString("O")).ToList();
        var zero = new CentreSimulation(Options with { DailyDemandNoise = 0 }).Contacts().Select(c => c.InteractionId + c.StartedAt.ToString("O")).ToList();

        Assert.Equal(plain, zero);
    }

    [Fact]
    public void With_noise_weekday_totals_vary_far_beyond_Poisson_and_a_busy_day_is_followed_by_a_busy_day()
    {
        var noisy = new CentreSimulation(Options with { DailyDemandNoise = 0.3, DailyDemandPersistence = 0.8 }).Contacts()
            .Where(c => c.StartedAt.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Friday)
            .GroupBy(c => DateOnly.FromDateTime(c.StartedAt.DateTime)).OrderBy(g => g.Key)
            .Select(g => (Day: g.Key, Count: (double)g.Count())).ToList();
        // Each weekday against its own mean, so the weekly profile is not taken for noise.
        var ratios = noisy.Select(d => d.Count / noisy.Where(e => e.Day.DayOfWeek == d.Day.DayOfWeek).Average(e => e.Count)).ToList();
        var mean = noisy.Average(d => d.Count);
        var sd = Math.Sqrt(ratios.Sum(r => (r - 1) * (r - 1)) / (ratios.Count - 1));

        // Poisson alone would swing a day of ~500 contacts by about 1/sqrt(500) = 4.5%; the planted swing is about 30%.
        Assert.True(sd > 3 / Math.Sqrt(mean), $"sd of day ratios {sd:F3} at {mean:F0} contacts a day");
        var lagOne = Enumerable.Range(1, ratios.Count - 1).Sum(i => (ratios[i] - 1) * (ratios[i - 1] - 1)) / ratios.Sum(r => (r - 1) * (r - 1));
        Assert.True(lagOne > 0.3, $"lag-one correlation {lagOne:F2}");
        Assert.Contains("daily-demand-noise: must be in [0, 1)", (Options with { DailyDemandNoise = 1.5 }).Problems());
    }
}
