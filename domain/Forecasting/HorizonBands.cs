namespace QmInsights.Domain.Forecasting;

/// <summary>Prediction intervals per horizon: week h ahead gets the bands its own h-week-ahead backtest residuals showed
/// (errors grow as the lags become predictions themselves); weeks beyond the longest horizon backtested use that one.</summary>
public sealed class HorizonBands
{
    private readonly ResidualBands[] bands;

    private HorizonBands(ResidualBands[] bands) => this.bands = bands;

    public static HorizonBands Fit(BacktestReport backtest) =>
        new(Enumerable.Range(1, backtest.Horizons.Count)
            .Select(h => ResidualBands.Fit(backtest.Points.Where(p => p.Horizon == h).ToList())).ToArray());

    /// <summary>The bands of week <paramref name="horizon"/> ahead (1 = the week after the history).</summary>
    public ResidualBands For(int horizon) => bands[Math.Clamp(horizon, 1, bands.Length) - 1];
}
