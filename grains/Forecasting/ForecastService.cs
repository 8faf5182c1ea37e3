using QmInsights.Domain.Analytics;
using QmInsights.Domain.Forecasting;
using QmInsights.Domain.Ingestion;
using QmInsights.Grains.Analytics;
using QmInsights.Grains.Interfaces;
using QmInsights.Storage;

namespace QmInsights.Grains.Forecasting;

/// <summary>Gathers interval tallies from every shard and the declared peaks, and runs the forecasting domain on them.</summary>
public sealed class ForecastService(IGrainFactory grains, InsightsService insights, TimestampWindow? timestamps = null)
{
    private readonly TimestampWindow _window = timestamps ?? TimestampWindow.Default;
    private const string CalendarKey = "peaks";

    public IPeakCalendarGrain Peaks => grains.GetGrain<IPeakCalendarGrain>(CalendarKey);

    /// <summary>The forecast of <paramref name="query"/>, trained on the history before its start.</summary>
    public async Task<HandleTimeForecast> Forecast(ForecastQuery query, ForecastSettings settings)
    {
        var (history, calendar, from, to) = await Prepare(query, settings);
        return HandleTimeForecaster.Forecast(history, calendar, from, to, settings);
    }

    /// <summary>The rolling-origin backtest of the history before the query's start.</summary>
    public async Task<BacktestReport> Backtest(ForecastQuery query, ForecastSettings settings)
    {
        var (history, calendar, _, _) = await Prepare(query, settings);
        return Domain.Forecasting.Backtest.Run(history, calendar, settings);
    }

    /// <summary>The peaks the daily history of the query's queue and channel shows by itself.</summary>
    public async Task<List<LearnedPeak>> LearnedPeaks(ForecastQuery query)
    {
        var (history, _, _, _) = await Prepare(query with { Length = IntervalLength.Day }, new ForecastSettings());
        return PeakDetector.Find(history);
    }

    /// <summary>"Adherence to <paramref name="itemId"/> from p to q": today's share and the handle-time effect come from the
    /// driver analysis of the queue and channel unless given.</summary>
    public async Task<QualityScenario> Scenario(ForecastQuery query, string itemId, double? fromShare, double? toShare, double? factor,
        double? effectSeconds)
    {
        Relationship? driver = null;
        if (fromShare is null || effectSeconds is null)
        {
            var report = await insights.Analyse(null, null, null, query.Channel, query.Queue, new InsightOptions(TrainModels: false));
            driver = report.Relationships.FirstOrDefault(r => r.Driver == itemId && r.Outcome == Outcome.HandleSeconds);
            if (driver is null) throw new InsufficientHistoryException($"item: no evaluations of '{itemId}' to measure its share and handle-time effect from; give from and effectSeconds");
        }
        var p = fromShare ?? (driver!.NYes + driver.NNo > 0 ? driver.NYes!.Value / (double)(driver.NYes + driver.NNo)!.Value : 0);
        var q = toShare ?? Math.Min(1, p * (factor ?? 1));
        var effect = effectSeconds ?? driver!.Effect
            ?? throw new InsufficientHistoryException($"item: too few observations of '{itemId}' to estimate its handle-time effect; give effectSeconds");
        var description = $"adherence to '{itemId}' from {p:P0} to {q:P0} at {effect:F0} s a contact";
        return new QualityScenario(description, itemId, p, q, effect, effectSeconds is null ? "driver analysis" : "given");
    }

    /// <summary>What a forecast of <paramref name="query"/> learns from and covers: the history (at most
    /// <see cref="ForecastSettings.HistoryWeeks"/> before its end), the declared peaks, and the span forecast.</summary>
    public async Task<(TallySeries History, PeakCalendar Calendar, DateTime From, DateTime To)> Prepare(ForecastQuery query,
        ForecastSettings settings)
    {
        var length = query.Length;
        // Nothing after the plausible window counts as history (a fact stored before the window existed, say).
        var latest = _window.Latest(DateTimeOffset.UtcNow).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var before = query.From is { } asked && asked < latest ? asked : latest;
        var parts = await Task.WhenAll(Enumerable.Range(0, Shards.Count).Select(s => grains.GetGrain<IInteractionShardGrain>(s)
            .GetIntervalTallies(query.Queue, query.Channel, DateTime.MinValue, before, length)));
        var tallies = parts.SelectMany(p => p).ToList();
        if (tallies.Count == 0) throw new InsufficientHistoryException("history: no contacts of this queue and channel before the forecast start");
        // Whole UTC days: the history ends at midnight after its last contact, so closing hours count as quiet, not missing.
        var end = query.From is { } f ? IntervalLength.Day.Floor(f) : tallies.Max(t => t.Start).Date.AddDays(1);
        // At most HistoryWeeks back from the end: older contacts (one stray record dated 2000) are not learned from.
        var first = Max(tallies.Min(t => t.Start).Date, end.AddDays(-7.0 * settings.HistoryWeeks));
        var history = TallySeries.From(tallies, length, first, end);
        var from = query.From is { } start ? length.Floor(start) : end;
        var to = query.To ?? from.AddDays(7);
        if ((to - from).TotalDays > settings.MaxHorizonDays)
            throw new ArgumentOutOfRangeException(null, $"to: a forecast covers at most {settings.MaxHorizonDays} days ({from:yyyy-MM-dd} to {to:yyyy-MM-dd} asked)");
        var calendar = new PeakCalendar(await Peaks.All(), query.Queue, query.Country);
        return (history, calendar, from, to);
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
