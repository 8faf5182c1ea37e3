using QmInsights.Domain.Forecasting;

namespace QmInsights.Tests.Forecasting;

public sealed class ForecastIntervalTests
{
    // Calibrated on the backtest weeks before the cut, checked on the open hours (local 08-20, Monday to Saturday) of the
    // four weeks after it, none of them seen; closed hours would be covered trivially.
    [Fact]
    public void Prediction_intervals_cover_held_out_weeks_at_roughly_their_nominal_rate()
    {
        var interactions = DemoHistory.Interactions(42);
        var cut = new DateTime(2025, 11, 3, 0, 0, 0, DateTimeKind.Utc);
        var history = DemoHistory.Series(interactions, IntervalLength.Hour, cut);
        var actual = DemoHistory.Series(interactions, IntervalLength.Hour, cut.AddDays(28));

        var forecast = HandleTimeForecaster.Forecast(history, PeakCalendar.None, cut, cut.AddDays(28), new ForecastSettings());

        Assert.Equal(28 * 24, forecast.Rows.Count);
        var offset = history.Count;
        var open = forecast.Rows.Select((r, k) => (Row: r, K: k))
            .Where(x => x.Row.LocalStart.DayOfWeek != DayOfWeek.Sunday && x.Row.LocalStart.Hour is >= 8 and < 20).ToList();
        var volume80 = open.Select(x => Within(actual.Counts[offset + x.K], x.Row.VolumeLower80, x.Row.VolumeUpper80)).Average();
        var volume95 = open.Select(x => Within(actual.Counts[offset + x.K], x.Row.VolumeLower95, x.Row.VolumeUpper95)).Average();
        var busy = open.Select(x => (x.Row, Mean: actual.MeanHandle(offset + x.K))).Where(x => x.Mean is not null).ToList();
        var handle80 = busy.Select(x => Within(x.Mean!.Value, x.Row.HandleSecondsLower80, x.Row.HandleSecondsUpper80)).Average();
        var handle95 = busy.Select(x => Within(x.Mean!.Value, x.Row.HandleSecondsLower95, x.Row.HandleSecondsUpper95)).Average();
        TestContext.Current.SendDiagnosticMessage($"coverage volume {volume80:P1}/{volume95:P1}, handle {handle80:P1}/{handle95:P1}");

        Assert.InRange(volume80, 0.70, 0.92);
        Assert.InRange(volume95, 0.88, 1.0);
        Assert.InRange(handle80, 0.70, 0.92);
        Assert.InRange(handle95, 0.88, 1.0);
    }

    [Fact]
    public void A_declared_peak_day_becomes_the_next_peak_and_a_longer_handle_time_needs_more_agents_there()
    {
        var history = DemoHistory.Series(DemoHistory.Interactions(7), IntervalLength.Hour, new DateTime(2025, 11, 3, 0, 0, 0, DateTimeKind.Utc));
        var peaks = new PeakCalendar([new PeakPeriod("launch", "Product launch", new DateOnly(2025, 11, 6), new DateOnly(2025, 11, 6), PeakKind.Campaign, null, null)], "billing", null);
        var forecast = HandleTimeForecaster.Forecast(history, peaks, history.End, history.End.AddDays(7), new ForecastSettings());

        var outlook = StaffingOutlook.NextPeak(forecast, IntervalLength.Hour, new StaffingTargets());
        Assert.Equal(new DateOnly(2025, 11, 6), outlook.Day);
        Assert.True(outlook.Declared);
        Assert.Equal(24, outlook.Intervals.Count);
        Assert.Equal(outlook.Intervals.Max(i => i.Staffing.AgentsScheduled), outlook.Busiest.Staffing.AgentsScheduled);

        // Twice the upsellers at the planted 240 s a call: every busy hour needs at least as many agents, the busiest more.
        var scenario = new QualityScenario("upsell share doubles", "upsell", 0.2, 0.4, 240, "given");
        Assert.Equal(48, scenario.ExtraHandleSeconds, 9);
        var price = ScenarioOutlook.Of(forecast, IntervalLength.Hour, new StaffingTargets(), scenario);
        Assert.All(price.Intervals, i => Assert.True(i.ExtraAgents >= 0));
        Assert.True(price.Busiest.ExtraAgents >= 1);
        Assert.Equal(price.Intervals.Sum(i => i.ExtraAgents), price.ExtraAgentHours, 9);
    }

    // Six weeks ahead, each week's prediction feeding the next: a daily forecast must neither drift nor collapse.
    [Fact]
    public void A_daily_forecast_six_weeks_ahead_stays_at_the_recent_weekday_level_and_keeps_Sundays_closed()
    {
        var daily = DemoHistory.Series(DemoHistory.Interactions(42), IntervalLength.Day, new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc));
        var recent = Enumerable.Range(daily.Count - 14, 14).ToList();
        var handle = recent.Sum(i => daily.HandleSums[i]) / recent.Sum(i => daily.Handled[i]);
        double Volume(DayOfWeek day) => recent.Where(i => daily.TimeAt(i).DayOfWeek == day).Average(i => daily.Counts[i]);

        var forecast = HandleTimeForecaster.Forecast(daily, PeakCalendar.None, daily.End, daily.End.AddDays(42), new ForecastSettings());

        Assert.Equal(42, forecast.Rows.Count);
        foreach (var row in forecast.Rows)
        {
            if (row.IntervalStart.DayOfWeek == DayOfWeek.Sunday) Assert.True(row.Volume < 1, $"{row.IntervalStart:yyyy-MM-dd}: {row.Volume:F1}");
            if (row.IntervalStart.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            Assert.InRange(row.Volume / Volume(row.IntervalStart.DayOfWeek), 0.8, 1.25);
            Assert.InRange(row.HandleSeconds / handle, 0.85, 1.15);
            Assert.InRange(row.VolumeUpper95 / row.Volume, 1.0, 2.0);
        }
    }

    [Fact]
    public void Tallies_merge_into_a_regular_series_with_empty_intervals_as_zero_and_spread_from_the_sum_of_squares()
    {
        var start = new DateTime(2025, 12, 1, 8, 0, 0, DateTimeKind.Utc);
        var series = TallySeries.From(
        [
            new IntervalTally(start, 2, 600, 200_000), // 200 s and 400 s
            new IntervalTally(start.AddMinutes(15), 1, 300, 90_000),
            new IntervalTally(start.AddHours(2), 1, 100, 10_000),
        ], IntervalLength.Hour, start, start.AddHours(3));

        Assert.Equal([3L, 0L, 1L], series.Counts);
        Assert.Equal(300, series.MeanHandle(0));
        Assert.Null(series.MeanHandle(1));
        Assert.Equal(100, series.HandleStdDev(0)!.Value, 9); // sample sd of 200, 400, 300
    }

    private static double Within(double value, double low, double high) => value >= low && value <= high ? 1 : 0;
}
