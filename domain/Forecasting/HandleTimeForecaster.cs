namespace QmInsights.Domain.Forecasting;

/// <summary>Forecasts volume and mean handle time per interval from a queue's history: backtests at rolling origins
/// (which calibrates the prediction intervals), trains on the whole history, then predicts a week at a time, each
/// week's predictions becoming the lags of the next.</summary>
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
        var backtest = calibration ?? Backtest.Run(history, features, settings);
        var bands = ResidualBands.Fit(backtest.Points);
        var model = ForecastModel.Train(features, history, history.Count, settings);

        var rows = new List<ForecastRow>();
        var end = history.Count + future;
        for (var block = history.Count; block < end; block += features.Period)
        {
            var predicted = model.Predict(features, block, Math.Min(end, block + features.Period));
            for (var k = 0; k < predicted.Length; k++)
            {
                var (volume, handle) = predicted[k];
                features.Fill(block + k, volume, handle);
                var start = history.TimeAt(block + k);
                if (start < from) continue;
                var v = bands.Volume(volume);
                var h = bands.Handle(handle, volume);
                rows.Add(new ForecastRow(new DateTimeOffset(start, TimeSpan.Zero), handle, h.Lower80, h.Upper80, h.Lower95, h.Upper95,
                    volume, v.Lower80, v.Upper80, v.Lower95, v.Upper95, peaks.At(start) is not null));
            }
        }
        return new HandleTimeForecast(rows, backtest);
    }
}
