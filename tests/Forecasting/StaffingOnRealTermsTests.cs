using QmInsights.Domain.Forecasting;
using QmInsights.Domain.Staffing;

namespace QmInsights.Tests.Forecasting;

/// <summary>Staffing from a forecast: after-call work in the workload, a chosen volume quantile, Erlang A, deferred
/// channels, and quality scenarios priced only where the item applies, with the effect's interval.</summary>
public sealed class StaffingOnRealTermsTests
{
    private static readonly DateTime Monday = new(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    private static ForecastRow Row(int hour, double volume, double handle, double upper80, double upper95) =>
        new(new DateTimeOffset(Monday.AddHours(hour), TimeSpan.Zero), handle, handle * 0.9, handle * 1.1, handle * 0.8, handle * 1.2,
            volume, volume * 0.8, upper80, volume * 0.6, upper95, false, new DateTimeOffset(DateTime.SpecifyKind(Monday.AddHours(hour + 1), DateTimeKind.Unspecified), TimeSpan.FromHours(1)));

    private static readonly ForecastRow[] Day = Enumerable.Range(0, 24)
        .Select(h => h is >= 8 and < 20 ? Row(h, 60, 300, 72, 80) : Row(h, 0, 300, 0, 0)).ToArray();

    [Fact]
    public void After_call_work_is_workload_and_staffing_grows_with_it()
    {
        var targets = new StaffingTargets();
        var without = StaffingOutlook.Staff(Day, IntervalLength.Hour, targets, 0);
        var with = StaffingOutlook.Staff(Day, IntervalLength.Hour, targets, 50);

        // 60 calls x (300 + 50) s an hour = 5.83 Erlangs, not 5.
        Assert.Equal(60 * 350 / 3600.0, with[10].Staffing.TrafficErlangs, 9);
        Assert.Equal(5, without[10].Staffing.TrafficErlangs, 9);
        Assert.True(with[10].Staffing.AgentsOnPhones > without[10].Staffing.AgentsOnPhones);
    }

    [Fact]
    public void Staffing_for_the_upper_80_percent_bound_plans_its_volume_and_states_the_probability_it_holds()
    {
        var upper = new StaffingTargets(StaffFor: VolumeQuantile.Upper80);
        var staffed = StaffingOutlook.Staff(Day, IntervalLength.Hour, upper, 0);
        var point = StaffingOutlook.Staff(Day, IntervalLength.Hour, new StaffingTargets(), 0);

        Assert.Equal(72 * 300 / 3600.0, staffed[10].Staffing.TrafficErlangs, 9);
        Assert.True(staffed[10].Staffing.AgentsOnPhones > point[10].Staffing.AgentsOnPhones);
        Assert.Equal(0.9, upper.VolumeHoldsWithProbability);
        Assert.Equal(0.975, (upper with { StaffFor = VolumeQuantile.Upper95 }).VolumeHoldsWithProbability);
        Assert.Null(new StaffingTargets().VolumeHoldsWithProbability);
    }

    [Fact]
    public void A_patience_switches_staffing_to_Erlang_A_which_reports_abandonment()
    {
        var staffed = StaffingOutlook.Staff(Day, IntervalLength.Hour, new StaffingTargets(PatienceSeconds: 120), 0);
        var erlangC = StaffingOutlook.Staff(Day, IntervalLength.Hour, new StaffingTargets(), 0);

        Assert.NotNull(staffed[10].Staffing.AbandonmentProbability);
        Assert.Null(erlangC[10].Staffing.AbandonmentProbability);
        Assert.True(staffed[10].Staffing.AgentsOnPhones <= erlangC[10].Staffing.AgentsOnPhones);
        Assert.True(staffed[10].Staffing.ServiceLevel >= 0.8);
    }

    // 12 open hours of 60 emails x 300 s = 5 agent-hours of work an hour. With a 4-hour response target, a steady flow needs
    // 5 / 0.85 = 5.9 -> 6 agents once a full window has passed, and nothing queues at night beyond the evening's tail.
    [Fact]
    public void Deferred_work_is_staffed_by_workload_over_the_response_window()
    {
        var staffed = DeferredStaffing.Staff(Day, Day.Select(_ => 300.0).ToList(), IntervalLength.Hour, new StaffingTargets(ResponseWithinSeconds: 4 * 3600));

        Assert.Equal(6, staffed[14].AgentsWorking);
        Assert.Equal(9, staffed[14].AgentsScheduled); // ceil(6 / 0.7)
        Assert.InRange(staffed[14].Occupancy, 0.8, 0.85);
        Assert.True(staffed[21].AgentsWorking is > 0 and < 6); // the evening's emails are still being answered
        Assert.Equal(0, staffed[3].AgentsWorking);
        // A window of 4 hours holds 4 x 5 agent-hours of work whatever its spread: no hour needs more than the flat 6.
        Assert.All(staffed, s => Assert.InRange(s.AgentsWorking, 0, 6));
    }

    [Fact]
    public void A_scenario_charges_only_contacts_where_the_item_applies_and_carries_the_effect_interval()
    {
        var everywhere = new QualityScenario("upsell doubles", "upsell", 0.2, 0.4, 240, "given");
        var whereItApplies = everywhere with { ApplicableShare = 0.5, EffectLow95 = 60, EffectHigh95 = 600 };

        Assert.Equal(48, everywhere.ExtraHandleSeconds, 9);
        Assert.Equal(24, whereItApplies.ExtraHandleSeconds, 9);
        Assert.Equal(6, whereItApplies.ExtraHandleSecondsRange.Low, 9);
        Assert.Equal(60, whereItApplies.ExtraHandleSecondsRange.High, 9);
        Assert.Contains((whereItApplies with { ApplicableShare = 1.5 }).Problems(), p => p.StartsWith("applicableShare"));

        var forecast = new HandleTimeForecast(Day, null!, 30);
        var price = ScenarioOutlook.Of(forecast, IntervalLength.Hour, new StaffingTargets(), whereItApplies);
        Assert.InRange(price.ExtraAgentHours, price.ExtraAgentHoursLow95, price.ExtraAgentHoursHigh95);
        Assert.True(price.ExtraAgentHoursHigh95 > price.ExtraAgentHoursLow95);
    }
}
