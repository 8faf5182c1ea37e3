namespace QmInsights.Domain.Forecasting;

/// <summary>Rolling-origin backtest: the model against seasonal-naive and the four-week mean, per horizon, on the same weeks.</summary>
/// <param name="Interval">Granularity of the series.</param>
/// <param name="Origins">Forecast origins, one week apart.</param>
/// <param name="HistoryWeeks">Weeks of history the series held.</param>
/// <param name="Horizons">Accuracy and interval coverage one, two, ... weeks ahead.</param>
/// <param name="Points">Every interval evaluated at every horizon, for the prediction intervals and for charts.</param>
public sealed record BacktestReport(
    IntervalLength Interval,
    IReadOnlyList<DateTime> Origins,
    double HistoryWeeks,
    IReadOnlyList<HorizonAccuracy> Horizons,
    IReadOnlyList<BacktestPoint> Points)
{
    /// <summary>A week ahead: the horizon the headline figures are quoted at.</summary>
    public HorizonAccuracy WeekAhead => Horizons[0];

    /// <summary>Model error on volume a week ahead.</summary>
    public ErrorMetrics Volume => WeekAhead.Volume;

    /// <summary>Seasonal-naive error on volume a week ahead.</summary>
    public ErrorMetrics VolumeNaive => WeekAhead.VolumeNaive;

    /// <summary>Model error on handle time a week ahead.</summary>
    public ErrorMetrics Handle => WeekAhead.Handle;

    /// <summary>Seasonal-naive error on handle time a week ahead.</summary>
    public ErrorMetrics HandleNaive => WeekAhead.HandleNaive;
}
