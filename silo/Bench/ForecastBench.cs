using System.Diagnostics;
using System.Globalization;
using QmInsights.Domain.Facts;
using QmInsights.Domain.Forecasting;
using QmInsights.Domain.Periods;
using QmInsights.Domain.Simulation;

namespace QmInsights.Silo.Bench;

/// <summary><c>bench --forecast</c>: two years of hourly history of one simulated queue (billing calls, offered volume in
/// the centre's local calendar, with a daylight-saving change each spring and autumn); times the tallying plus training
/// plus a week's forecast and the rolling-origin backtest, and prints per horizon the model's WAPE, MASE and bias next to
/// seasonal-naive and the four-week mean, and the open-hour coverage of its 80% and 95% intervals, for two seeds: over the
/// December peak and over ordinary November weeks, then November again with the day-to-day demand swing measured on real
/// arrivals (<see cref="SimulationOptions.DailyDemandNoise"/>); last the same backtest on a real bank's hourly arrivals
/// (<see cref="RealArrivals"/>).</summary>
public static class ForecastBench
{
    public static Task<int> Run(TextWriter log)
    {
        var timing = new List<string>();
        var accuracy = new List<string>();
        // Poisson arrivals around the weekly profile, then with the day-to-day swing measured on the real bank series.
        foreach (var (seed, noise) in new[] { (42, 0.0), (7, 0.0), (42, DayNoise), (7, DayNoise) })
        {
            var options = new SimulationOptions { Seed = seed, Agents = 60, Teams = 4, Months = 24, Start = new DateOnly(2024, 1, 1),
                TimeZone = "Europe/Oslo", DailyDemandNoise = noise };
            log.WriteLine($"seed {seed}, day noise {noise}: generating {options.Agents} agents x {options.Months} months ...");
            var interactions = new CentreSimulation(options).Contacts().Where(i => i.Queue == "billing" && i.Channel == Channel.Call).ToList();
            var from = options.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var to = options.End.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

            var clock = Stopwatch.StartNew();
            var history = TallySeries.From(IntervalTallies.Of(interactions, "billing", Channel.Call, from, to, IntervalLength.Hour),
                IntervalLength.Hour, from, to, CentreCalendar.Of(options.TimeZone).Zone);
            var tally = clock.Elapsed;
            log.WriteLine($"  {interactions.Count:N0} billing calls in {history.Count:N0} hours; backtest, training and a week's forecast ...");
            var settings = new ForecastSettings();
            var progress = new Progress<string>(m => log.WriteLine($"  {m}"));
            if (noise == 0)
            {
                clock.Restart();
                var backtest = Backtest.Run(history, PeakCalendar.None, settings, progress);
                var calibration = clock.Elapsed;
                clock.Restart();
                var forecast = HandleTimeForecaster.Forecast(history, PeakCalendar.None, history.End, history.End.AddDays(7), settings, backtest);
                var model = clock.Elapsed;
                timing.Add(R($"| {seed} | {interactions.Count:N0} | {tally.TotalSeconds:F2} | {model.TotalSeconds:F2} | {calibration.TotalSeconds:F2} | {backtest.Origins.Count} | {forecast.Rows.Count} |"));
                accuracy.AddRange(Rows($"{seed} | 0 | December", backtest));
            }
            // Ordinary weeks: the history up to 1 December 2025, so the four backtest weeks are November's.
            var november = history.Take((int)(new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc) - history.Start).TotalHours);
            accuracy.AddRange(Rows(R($"{seed} | {noise} | November"), Backtest.Run(november, PeakCalendar.None, settings, progress)));
        }
        log.WriteLine();
        log.WriteLine("| seed | billing calls (2 years) | tally s | train + week's forecast s | backtest s | origins | hours forecast |");
        log.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in timing) log.WriteLine(row);
        log.WriteLine();
        log.WriteLine("| seed | day noise | backtest weeks | weeks ahead | volume WAPE model / naive / 4-week mean | better than best baseline | volume MASE | volume bias | volume MAPE (n) | handle WAPE model / naive / 4-week mean | better than best baseline | handle bias | volume 80% / 95% coverage (open hours) | handle 80% / 95% coverage |");
        log.WriteLine("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in accuracy) log.WriteLine(row);
        RealSeries(log);
        log.WriteLine();
        log.WriteLine("backtest: the last 4 weeks (of the history, or of the history up to 1 December 2025), each forecast 1-4 weeks ahead from origins 1-4 weeks earlier (7 trainings of both models); naive = same local hour in the last known week, 4-week mean = that hour over the last 4 known weeks; coverage: each week against intervals fitted on the other weeks' residuals, open hours only; day noise = SimulationOptions.DailyDemandNoise");
        return Task.FromResult(0);
    }

    // The day-to-day demand swing measured on the real bank series (SimulationOptions.DailyDemandNoise).
    private const double DayNoise = 0.064;

    private static string R(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<string> Rows(string prefix, BacktestReport backtest) => backtest.Horizons.Select(h =>
        R($"| {prefix} | {h.Horizon} | {h.Volume.Wape:F1}% / {h.VolumeNaive.Wape:F1}% / {h.VolumeFourWeekMean.Wape:F1}% | {h.VolumeWapeImprovementPercent:F1}% | {h.Volume.Mase:F2} | {h.Volume.BiasPercent:+0.0;-0.0;0.0}% | {h.Volume.Mape:F1}% ({h.Volume.MapeN}) | {h.Handle.Wape:F1}% / {h.HandleNaive.Wape:F1}% / {h.HandleFourWeekMean.Wape:F1}% | {h.HandleWapeImprovementPercent:F1}% | {h.Handle.BiasPercent:+0.0;-0.0;0.0}% | {h.Coverage.Volume80:P1} / {h.Coverage.Volume95:P1} ({h.Coverage.OpenIntervals}) | {h.Coverage.Handle80:P1} / {h.Coverage.Handle95:P1} ({h.Coverage.HandleIntervals}) |"));

    // The same backtest on a real bank's hourly arrivals (RealArrivals), over its last 4 and last 12 weeks; volume only.
    private static void RealSeries(TextWriter log)
    {
        log.WriteLine();
        if (RealArrivals.FindInRepository() is not { } path)
        {
            log.WriteLine($"real arrivals: tests/RealLog/{RealArrivals.FileName} not found from {Directory.GetCurrentDirectory()}; run the bench from the repository");
            return;
        }
        var series = RealArrivals.Read(path);
        log.WriteLine($"real arrivals ({RealArrivals.FileName}: {series.Counts.Sum():N0} calls, {series.Count / 168.0:F1} weeks, New York time)");
        log.WriteLine("| backtest weeks | weeks ahead | volume WAPE model / naive / 4-week mean | better than best baseline | volume MASE | volume bias | volume 80% / 95% coverage (open hours) | backtest s |");
        log.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var weeks in new[] { 4, 12 })
        {
            var clock = Stopwatch.StartNew();
            var report = Backtest.Run(series, RealArrivals.Holidays, new ForecastSettings(BacktestWeeks: weeks));
            var seconds = clock.Elapsed.TotalSeconds;
            foreach (var h in report.Horizons)
                log.WriteLine(R(
                    $"| {weeks} | {h.Horizon} | {h.Volume.Wape:F1}% / {h.VolumeNaive.Wape:F1}% / {h.VolumeFourWeekMean.Wape:F1}% | {h.VolumeWapeImprovementPercent:F1}% | {h.Volume.Mase:F2} | {h.Volume.BiasPercent:+0.0;-0.0;0.0}% | {h.Coverage.Volume80:P1} / {h.Coverage.Volume95:P1} ({h.Coverage.OpenIntervals}) | {seconds:F1} |"));
        }
    }
}
