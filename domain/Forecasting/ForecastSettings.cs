namespace QmInsights.Domain.Forecasting;

/// <summary>Model size and evaluation depth of a forecast. The defaults train a queue's two years of hourly history
/// in about a second per model.</summary>
/// <param name="Trees">FastTree boosting rounds.</param>
/// <param name="Leaves">Leaves per tree.</param>
/// <param name="MinimumPerLeaf">Fewest intervals a leaf may hold.</param>
/// <param name="BacktestWeeks">Rolling origins of the backtest, one week apart, each forecasting the week after it.</param>
/// <param name="MinimumContacts">Intervals with fewer contacts are left out of the handle-time error (their mean is mostly noise).</param>
/// <param name="Seed">Seed of the trainer, so the same history gives the same forecast.</param>
/// <param name="LearningRate">Shrinkage of each boosting round; lower fits the noise of small intervals less.</param>
/// <param name="HistoryWeeks">Weeks of history before the forecast start that are learned from; older contacts are left
/// out, so one stray old record cannot make training time and memory grow without bound.</param>
/// <param name="MaxHorizonDays">The longest span a forecast may cover.</param>
public sealed record ForecastSettings(
    int Trees = 100,
    int Leaves = 16,
    int MinimumPerLeaf = 30,
    int BacktestWeeks = 4,
    int MinimumContacts = 5,
    int Seed = 1,
    double LearningRate = 0.05,
    int HistoryWeeks = 104,
    int MaxHorizonDays = 92)
{
    /// <summary>Weeks of history a forecast needs: four weeks of lags, then at least two to learn from.</summary>
    public const int MinimumHistoryWeeks = ForecastFeatures.LagWeeks + 2;
}
