namespace QmInsights.Domain.Forecasting;

/// <summary>Rolling-origin evaluation: at each of the last few week boundaries, train on everything before it and
/// forecast the week after it; the seasonal-naive baseline forecasts each interval with the same interval a week
/// earlier. Its out-of-sample residuals also calibrate the prediction intervals.</summary>
public static class Backtest
{
    public static BacktestReport Run(TallySeries history, PeakCalendar peaks, ForecastSettings settings) =>
        Run(history, new ForecastFeatures(history, peaks, 0), settings);

    internal static BacktestReport Run(TallySeries history, ForecastFeatures features, ForecastSettings settings)
    {
        var period = features.Period;
        var weeks = history.Count / period;
        if (weeks < ForecastSettings.MinimumHistoryWeeks)
            throw new InsufficientHistoryException(
                $"history: {history.Count / (double)period:F1} weeks of {history.Length.Name()} intervals, at least {ForecastSettings.MinimumHistoryWeeks} are needed (4 for the weekly lags, 2 to learn from)");
        var origins = Math.Min(settings.BacktestWeeks, weeks - ForecastSettings.MinimumHistoryWeeks + 1);
        var points = new List<BacktestPoint>(origins * period);
        var starts = new List<DateTime>(origins);
        for (var o = history.Count - origins * period; o < history.Count; o += period)
        {
            starts.Add(history.TimeAt(o));
            var model = ForecastModel.Train(features, history, o, settings);
            var predicted = model.Predict(features, o, o + period);
            for (var k = 0; k < period; k++)
            {
                var i = o + k;
                points.Add(new BacktestPoint(history.TimeAt(i), history.Counts[i], history.MeanHandle(i),
                    predicted[k].Volume, predicted[k].Handle, history.Counts[i - period], history.MeanHandle(i - period)));
            }
        }

        var busy = points.Where(p => p.Contacts >= settings.MinimumContacts).ToList();
        var handled = busy.Where(p => p.NaiveHandle is not null).ToList();
        return new BacktestReport(history.Length, starts, history.Count / (double)period,
            Errors(points, busy, p => p.PredictedVolume),
            Errors(points, busy, p => p.NaiveVolume),
            ErrorMetrics.Of(handled.Select(p => (p.HandleSeconds!.Value, p.PredictedHandle)).ToList()),
            ErrorMetrics.Of(handled.Select(p => (p.HandleSeconds!.Value, p.NaiveHandle!.Value)).ToList()),
            points);
    }

    // MAE over every interval (closed hours predicted open cost staff too); MAPE where a percentage means something.
    private static ErrorMetrics Errors(List<BacktestPoint> all, List<BacktestPoint> busy, Func<BacktestPoint, double> predicted) =>
        new(all.Average(p => Math.Abs(p.Contacts - predicted(p))),
            ErrorMetrics.Of(busy.Select(p => ((double)p.Contacts, predicted(p))).ToList()).Mape,
            all.Count);
}
