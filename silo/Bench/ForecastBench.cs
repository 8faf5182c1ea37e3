using System.Diagnostics;
using System.Globalization;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Forecasting;
using QmInsights.Domain.Simulation;

namespace QmInsights.Silo.Bench;

/// <summary><c>bench --forecast</c>: two years of hourly history of one simulated queue (billing calls); times the
/// tallying plus training plus a week's forecast, and the rolling-origin backtest, next to the seasonal-naive baseline,
/// and prints both methods' errors, for two seeds.</summary>
public static class ForecastBench
{
    public static Task<int> Run(TextWriter log)
    {
        var rows = new List<string>();
        foreach (var seed in new[] { 42, 7 })
        {
            var options = new SimulationOptions { Seed = seed, Agents = 60, Teams = 4, Months = 24, Start = new DateOnly(2024, 1, 1) };
            log.WriteLine($"seed {seed}: generating {options.Agents} agents x {options.Months} months ...");
            var interactions = new CentreSimulation(options).Interactions().Where(i => i.Queue == "billing" && i.Channel == Channel.Call).ToList();
            var from = options.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var to = options.End.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

            var clock = Stopwatch.StartNew();
            var history = TallySeries.From(IntervalTallies.Of(interactions, "billing", Channel.Call, from, to, IntervalLength.Hour), IntervalLength.Hour, from, to);
            var tally = clock.Elapsed;
            log.WriteLine($"  {interactions.Count:N0} billing calls in {history.Count:N0} hours; backtest, training and a week's forecast ...");

            clock.Restart();
            var backtest = Backtest.Run(history, PeakCalendar.None, new ForecastSettings());
            var calibration = clock.Elapsed;
            clock.Restart();
            var forecast = HandleTimeForecaster.Forecast(history, PeakCalendar.None, history.End, history.End.AddDays(7), new ForecastSettings(), backtest);
            var model = clock.Elapsed;

            clock.Restart();
            var naive = Enumerable.Range(history.Count - 168, 168).Select(i => (history.Counts[i], history.MeanHandle(i))).ToList();
            var naiveTime = clock.Elapsed;

            var b = forecast.Backtest;
            string R(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
            rows.Add(R($"| {seed} | FastTree forecast | {(tally + model).TotalSeconds:F2} | {calibration.TotalSeconds:F2} | {b.Handle.Mae:F1} | {b.Handle.Mape:F2}% | {b.Volume.Mae:F2} | {b.Volume.Mape:F2}% | {forecast.Rows.Count} |"));
            rows.Add(R($"| {seed} | seasonal-naive (baseline) | {(tally + naiveTime).TotalSeconds:F2} | - | {b.HandleNaive.Mae:F1} | {b.HandleNaive.Mape:F2}% | {b.VolumeNaive.Mae:F2} | {b.VolumeNaive.Mape:F2}% | {naive.Count} |"));
            rows.Add(R($"| {seed} | forecast vs baseline | | | | {b.HandleMapeImprovementPercent:F1}% lower | | {b.VolumeMapeImprovementPercent:F1}% lower | |"));
        }
        log.WriteLine();
        log.WriteLine("| seed | method (2 years hourly, one queue) | train + forecast s | backtest s | handle MAE s | handle MAPE | volume MAE | volume MAPE | hours forecast |");
        log.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows) log.WriteLine(row);
        log.WriteLine();
        log.WriteLine("train + forecast: tallying the calls, then training both models on all history and forecasting 168 hours (baseline: copying last week); backtest: the 4-origin rolling backtest that calibrates the prediction intervals (8 more trainings) and gives the errors");
        return Task.FromResult(0);
    }
}
