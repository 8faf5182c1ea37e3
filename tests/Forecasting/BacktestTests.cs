using QmInsights.Domain.Forecasting;

namespace QmInsights.Tests.Forecasting;

/// <summary>The forecast against seasonal-naive (same hour last week) on the simulated centre, rolling origin over the
/// last four weeks. The simulator's handle time has no hour-of-week shape beyond its mix, so one hour's mean is
/// mostly the noise of a dozen calls: seasonal-naive carries that noise, a model of the level does not.</summary>
public sealed class BacktestTests
{
    [Theory]
    [InlineData(42, 3)]
    [InlineData(7, 3)]
    public void Hourly_forecast_beats_seasonal_naive_by_a_fifth_of_its_handle_time_MAPE_and_on_volume(int seed, int months)
    {
        var report = Run(seed, months);

        Assert.True(report.HandleMapeImprovementPercent >= 20,
            $"handle MAPE {report.Handle.Mape:F2}% vs seasonal-naive {report.HandleNaive.Mape:F2}%");
        Assert.True(report.Volume.Mape < report.VolumeNaive.Mape, $"volume MAPE {report.Volume.Mape:F2}% vs {report.VolumeNaive.Mape:F2}%");
        Assert.True(report.Volume.Mae < report.VolumeNaive.Mae, $"volume MAE {report.Volume.Mae:F2} vs {report.VolumeNaive.Mae:F2}");
        Assert.Equal(4, report.Origins.Count);
        Assert.Equal(4 * 168, report.Points.Count);
    }

    // The December peak (40% more contacts, 8% shorter) starts in the backtest weeks without any December in training:
    // handle time still beats seasonal-naive by a fifth; volume's first December week cannot be foreseen by either.
    [Theory]
    [InlineData(42)]
    [InlineData(7)]
    public void Hourly_handle_time_beats_seasonal_naive_by_a_fifth_through_an_unseen_December_peak(int seed)
    {
        var report = Run(seed, 4);

        Assert.True(report.HandleMapeImprovementPercent >= 20,
            $"handle MAPE {report.Handle.Mape:F2}% vs seasonal-naive {report.HandleNaive.Mape:F2}%");
        Assert.All(report.Origins, o => Assert.Equal(12, o.Month));
    }

    [Fact]
    public void Fewer_than_six_weeks_of_history_is_refused_with_the_reason()
    {
        var history = DemoHistory.Series(DemoHistory.Interactions(42), IntervalLength.Hour, new DateTime(2025, 10, 6, 0, 0, 0, DateTimeKind.Utc));

        var error = Assert.Throws<InsufficientHistoryException>(() => Backtest.Run(history, PeakCalendar.None, new ForecastSettings()));
        Assert.Contains("5.0 weeks", error.Message);
    }

    private static BacktestReport Run(int seed, int months)
    {
        var to = DemoHistory.Options.Start.AddMonths(months).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var history = DemoHistory.Series(DemoHistory.Interactions(seed), IntervalLength.Hour, to);
        Assert.True(history.Count / 168.0 >= 8);
        var report = Backtest.Run(history, PeakCalendar.None, new ForecastSettings());
        TestContext.Current.SendDiagnosticMessage(
            $"seed {seed}, {months} months: handle MAPE {report.Handle.Mape:F2}% vs naive {report.HandleNaive.Mape:F2}% ({report.HandleMapeImprovementPercent:F1}% better); " +
            $"volume MAPE {report.Volume.Mape:F2}% vs {report.VolumeNaive.Mape:F2}%, MAE {report.Volume.Mae:F2} vs {report.VolumeNaive.Mae:F2}");
        return report;
    }
}
