using QmInsights.Domain.Staffing;

namespace QmInsights.Tests.Staffing;

/// <summary>A forecast day becomes one requirement per interval plus the peak to plan headcount around.</summary>
public class StaffingPlannerTests
{
    private static readonly DateTimeOffset Morning = new(2024, 3, 4, 8, 0, 0, TimeSpan.Zero);

    private static IntervalForecast Quarter(int index, double calls) =>
        new(Morning.AddMinutes(15 * index), new StaffingRequest(calls, TimeSpan.FromMinutes(15), 180));

    [Fact]
    public void Each_interval_gets_its_own_requirement_in_start_order()
    {
        var forecast = new[] { Quarter(2, 80), Quarter(0, 20), Quarter(1, 50), Quarter(3, 0) };

        var plan = StaffingPlanner.Plan(forecast);

        Assert.Equal([Morning, Morning.AddMinutes(15), Morning.AddMinutes(30), Morning.AddMinutes(45)],
            plan.Intervals.Select(i => i.Start));
        foreach (var (interval, source) in plan.Intervals.Zip(forecast.OrderBy(f => f.Start)))
            Assert.Equal(StaffingCalculator.Required(source.Request), interval.Result);
        Assert.Equal(0, plan.Intervals[3].Result.AgentsOnPhones);
    }

    [Fact]
    public void The_peak_is_the_interval_needing_the_most_rostered_agents()
    {
        // 100 calls per half hour is the published example (14 on phones, 20 rostered); 50 per quarter is the same load.
        var halfHours = new[]
        {
            new IntervalForecast(Morning, new StaffingRequest(60, TimeSpan.FromMinutes(30), 180)),
            new IntervalForecast(Morning.AddMinutes(30), new StaffingRequest(100, TimeSpan.FromMinutes(30), 180)),
            new IntervalForecast(Morning.AddMinutes(60), new StaffingRequest(100, TimeSpan.FromMinutes(30), 180)),
            new IntervalForecast(Morning.AddMinutes(90), new StaffingRequest(40, TimeSpan.FromMinutes(30), 180)),
        };

        var plan = StaffingPlanner.Plan(halfHours);

        // Ties go to the earliest interval.
        Assert.Equal(Morning.AddMinutes(30), plan.Peak.Start);
        Assert.Equal(14, plan.Peak.Result.AgentsOnPhones);
        Assert.Equal(20, plan.Peak.Result.AgentsScheduled);
        Assert.Equal(plan.Intervals.Max(i => i.Result.AgentsScheduled), plan.Peak.Result.AgentsScheduled);
    }

    [Fact]
    public void An_empty_forecast_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => StaffingPlanner.Plan([]));
        Assert.Equal("forecast", error.ParamName);
    }
}
