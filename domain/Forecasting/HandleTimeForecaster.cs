namespace QmInsights.Domain.Forecasting;

/// <summary>Forecasts volume and mean handle time per interval from a queue's history: backtests at rolling origins
/// (which calibrates the prediction intervals per horizon), trains on the whole history, then predicts a week at a time,
/// each week's predictions becoming the lags of the next.</summary>
public static class HandleTimeForecaster
{
    /// <summary>Intervals from <paramref name="from"/> up to, not including, <paramref name="to"/>; both at or after the end of
    /// <paramref name="history"/>, at most a year after it. <paramref name="calibration"/>: a backtest of this same history
    /// to calibrate the intervals with (one is run when null).</summary>
    public static HandleTimeForecast Forecast(TallySeries history, PeakCalendar peaks, DateTime from, DateTime to, ForecastSettings settings,
        BacktestReport? calibration = null)
    {
        if (from < history.End) throw new ArgumentOutOfRangeException(nameof(from), from, "from: must not be before the end of the history");
        if (to <= from) throw new ArgumentOutOfRangeException(nameof(to), to, "to: must be after from");
        if (to - history.End > TimeSpan.FromDays(366)) throw new ArgumentOutOfRangeException(nameof(to), to, "to: at most a year after the history");
        var span = history.Length.Span();
        var future = (int)Math.Ceiling((to - history.End) / span);
        var features = new ForecastFeatures(history, peaks, future);
        // The final model does not depend on the backtest: it trains while the backtest's origins do (see Backtest.Run).
        var final = Task.Run(() => ForecastModel.Train(features, history, history.Count, settings));
        BacktestReport backtest;
        try
        {
            backtest = calibration ?? Backtest.Run(history, peaks, settings);
        }
        catch
        {
            // The backtest's refusal (too short a history) is the answer; whatever the final model does is not awaited.
            final.ContinueWith(t => t.Exception, TaskScheduler.Default);
            throw;
        }
        var bands = HorizonBands.Fit(backtest);
        var predicted = final.GetAwaiter().GetResult().Predict(features, history.Count, history.Count + future);

        var rows = new List<ForecastRow>();
        for (var k = 0; k < predicted.Length; k++)
        {
            var start = history.TimeAt(history.Count + k);
            if (start < from) continue;
            var (volume, handle) = predicted[k];
            var band = bands.For(k / features.Period + 1);
            var v = band.Volume(volume);
            var h = band.Handle(handle, volume);
            var local = features.Calendar.Local(history.Count + k);
            rows.Add(new ForecastRow(new DateTimeOffset(start, TimeSpan.Zero), handle, h.Lower80, h.Upper80, h.Lower95, h.Upper95,
                volume, v.Lower80, v.Upper80, v.Lower95, v.Upper95, peaks.On(DateOnly.FromDateTime(local)) is not null,
                new DateTimeOffset(local, local - start)));
        }
        return new HandleTimeForecast(rows, backtest, history.RecentAfterCallWorkPerContact());
    }
}
