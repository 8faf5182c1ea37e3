namespace QmInsights.Domain.Forecasting;

/// <summary>Rolling-origin evaluation: the last <see cref="ForecastSettings.BacktestWeeks"/> weeks of history are each
/// forecast 1 to <see cref="ForecastSettings.HorizonWeeks"/> weeks ahead, by a model trained only on what came before its
/// origin and rolled forward on its own predictions, next to seasonal-naive and the four-week mean from the same origin.
/// Its residuals per horizon calibrate the prediction intervals; their coverage is measured on open hours, each target
/// week checked against intervals fitted on the other weeks only.</summary>
public static class Backtest
{
    public static BacktestReport Run(TallySeries history, PeakCalendar peaks, ForecastSettings settings) =>
        Run(history, peaks, settings, null);

    /// <summary>As <see cref="Run(TallySeries, PeakCalendar, ForecastSettings)"/>, telling <paramref name="progress"/> each origin done.
    /// The origins' models are independent (each trained on its own history with the settings' seed), so up to
    /// <paramref name="parallelism"/> of them train at once (default: one per core); the report is the same for any number.</summary>
    public static BacktestReport Run(TallySeries history, PeakCalendar peaks, ForecastSettings settings, IProgress<string>? progress,
        int? parallelism = null)
    {
        var calendar = new SeriesCalendar(history, 0);
        var period = calendar.Period;
        var weeks = history.Count / period;
        if (weeks < ForecastSettings.MinimumHistoryWeeks)
            throw new InsufficientHistoryException(
                $"history: {history.Count / (double)period:F1} weeks of {history.Length.Name()} intervals, at least {ForecastSettings.MinimumHistoryWeeks} are needed (4 for the weekly lags, 2 to learn from)");
        var available = weeks - ForecastSettings.MinimumHistoryWeeks + 1;
        var horizons = Math.Clamp(settings.HorizonWeeks, 1, available);
        var targets = Math.Clamp(settings.BacktestWeeks, 1, available - horizons + 1);
        var firstTarget = history.Count - targets * period;
        var starts = new List<int>();
        for (var o = firstTarget - (horizons - 1) * period; o < history.Count; o += period) starts.Add(o);
        var origins = starts.Select(history.TimeAt).ToList();
        var perOrigin = new List<BacktestPoint>[starts.Count];
        var done = 0;
        Parallel.For(0, starts.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism ?? Environment.ProcessorCount }, n =>
        {
            var o = starts[n];
            var known = history.Take(o);
            var features = new ForecastFeatures(known, peaks, history.Count - o);
            var model = ForecastModel.Train(features, known, o, settings);
            var predicted = model.Predict(features, o, Math.Min(history.Count, o + horizons * period));
            var ofOrigin = new List<BacktestPoint>(predicted.Length);
            for (var k = 0; k < predicted.Length; k++)
            {
                var i = o + k;
                if (i < firstTarget) continue;
                ofOrigin.Add(Point(history, calendar, i, k / period + 1, predicted[k]));
            }
            perOrigin[n] = ofOrigin;
            progress?.Report($"backtest origin {Interlocked.Increment(ref done)} of {starts.Count} done ({history.TimeAt(o):yyyy-MM-dd})");
        });
        // In origin order, as one origin after another would give them.
        var points = perOrigin.SelectMany(p => p).ToList();

        var (volumeScale, handleScale) = InSampleNaiveErrors(history, calendar, firstTarget - (horizons - 1) * period);
        var accuracy = Enumerable.Range(1, horizons)
            .Select(h => HorizonAccuracy.Of(h, points.Where(p => p.Horizon == h).ToList(), volumeScale, handleScale))
            .ToList();
        return new BacktestReport(history.Length, origins, history.Count / (double)period, accuracy, points);
    }

    private static BacktestPoint Point(TallySeries history, SeriesCalendar calendar, int i, int horizon, (double Volume, double Handle) predicted)
    {
        var last = calendar.WeeksBack(i, horizon);
        var fourWeeks = Enumerable.Range(0, 4).Select(k => calendar.WeeksBack(last, k)).ToList();
        var open = fourWeeks.Any(j => history.Counts[j] > 0);
        var handled = fourWeeks.Sum(j => history.Handled[j]);
        return new BacktestPoint(history.TimeAt(i), horizon, open, history.Counts[i], history.Handled[i], history.MeanHandle(i), predicted.Volume,
            predicted.Handle, history.Counts[last], history.MeanHandle(last), fourWeeks.Average(j => (double)history.Counts[j]),
            handled > 0 ? fourWeeks.Sum(j => history.HandleSums[j]) / handled : null);
    }

    // MASE's scale: how far seasonal-naive misses inside the history before the first origin (Hyndman & Koehler 2006).
    private static (double Volume, double Handle) InSampleNaiveErrors(TallySeries history, SeriesCalendar calendar, int end)
    {
        double volume = 0, handle = 0, weight = 0;
        var n = 0;
        for (var i = calendar.Period + 2; i < end; i++)
        {
            var j = calendar.WeeksBack(i, 1);
            volume += Math.Abs(history.Counts[i] - history.Counts[j]);
            n++;
            if (history.MeanHandle(i) is { } now && history.MeanHandle(j) is { } before)
            {
                handle += history.Handled[i] * Math.Abs(now - before);
                weight += history.Handled[i];
            }
        }
        return (n > 0 ? volume / n : double.NaN, weight > 0 ? handle / weight : double.NaN);
    }
}
