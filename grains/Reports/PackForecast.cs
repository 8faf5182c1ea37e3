using QmInsights.Domain.Facts;
using QmInsights.Domain.Forecasting;
using QmInsights.Domain.Analytics;
using QmInsights.Grains.Analytics;
using QmInsights.Grains.Forecasting;
using QmInsights.Grains.Interfaces;
using QmInsights.Storage;
using QmInsights.Reports.Pack;

namespace QmInsights.Grains.Reports;

/// <summary>The pack's next-peak outlook: the month's busiest queue and channel forecast by hour for the weeks after the
/// month, staffed and peaked exactly as <c>/api/forecast/staffing</c> does with its default targets. Training takes
/// seconds on a year of a large centre, so each month's outlook is kept by its <see cref="IPackOutlookGrain"/> until the
/// <see cref="DataVersion"/> changes, and trained ahead once a closed month's data has gone quiet (<see cref="ITrainAheadGrain"/>).</summary>
public sealed class PackForecast(IGrainFactory grains, ForecastService forecasts, InsightsService insights)
{
    /// <summary>Weeks after the month the pack looks ahead; intervals of the peak day the table shows.</summary>
    public const int HorizonDays = 14, BusiestIntervals = 6;

    /// <summary>What the outlook is computed from: the contacts up to the month's end (the history before the weeks
    /// ahead, the month's own volumes and evaluations) in every shard, and the declared peaks. Later contacts do not change it.</summary>
    public async Task<OutlookVersion> DataVersion(PackMonth month)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, Shards.Count).Select(s => grains.GetGrain<IInteractionShardGrain>(s).GetVersion(month.Last)));
        return new OutlookVersion(shards, await forecasts.Peaks.All());
    }

    /// <summary>The outlook trained now, or null when the month has no contacts or the history is too short to forecast.
    /// The month's evaluated contacts name the candidates for the busiest queue and channel, as the pack gathers them.</summary>
    public async Task<PeakForecast?> Compute(PackMonth month)
    {
        var evaluated = await insights.Contacts(month.First, month.Last, null);
        if (await Busiest(month, evaluated) is not { } busiest) return null;
        var from = month.Last.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var query = new ForecastQuery(busiest.Queue, busiest.Channel, IntervalLength.Hour, from, from.AddDays(HorizonDays), null);
        var targets = new StaffingTargets();
        PeakOutlook peak;
        try
        {
            peak = StaffingOutlook.NextPeak(await forecasts.Forecast(query, new ForecastSettings()), query.Length, targets);
        }
        catch (Exception e) when (e is InsufficientHistoryException or ArgumentOutOfRangeException)
        {
            return null; // as /api/forecast/staffing's 422: nothing to show
        }
        var intervals = peak.Intervals.OrderByDescending(i => (i.Staffing.AgentsScheduled, i.Staffing.AgentsOnPhones)).Take(BusiestIntervals)
            .OrderBy(i => i.Forecast.IntervalStart)
            .Select(i => new PeakInterval(i.Forecast.IntervalStart, i.Forecast.Volume, i.Forecast.VolumeLower80, i.Forecast.VolumeUpper80,
                i.Forecast.HandleSeconds, i.Forecast.HandleSecondsLower80, i.Forecast.HandleSecondsUpper80, i.Staffing.AgentsOnPhones,
                i.Staffing.AgentsScheduled, i.Staffing.ServiceLevel))
            .ToList();
        var b = peak.Backtest;
        return new PeakForecast(busiest.Queue, busiest.Channel.ToString().ToLowerInvariant(), busiest.Contacts, DateOnly.FromDateTime(from),
            DateOnly.FromDateTime(from).AddDays(HorizonDays - 1), peak.Day, peak.Declared, targets.ServiceLevel, targets.AnswerWithinSeconds,
            targets.Shrinkage, intervals, b.Origins.Count, b.HistoryWeeks, Finite(b.Volume.Mape), Finite(b.VolumeNaive.Mape),
            Finite(b.Handle.Mape), Finite(b.HandleNaive.Mape));
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary>The queue and channel with the most offered contacts (handled and abandoned) in the month. Candidates are those the month's evaluations
    /// sampled; their volumes are then counted over every contact.</summary>
    private async Task<(string Queue, Channel Channel, long Contacts)?> Busiest(PackMonth month, IReadOnlyCollection<EvaluatedContact> evaluated)
    {
        var candidates = evaluated.Select(c => (c.Queue, c.Channel)).Distinct().ToList();
        var (from, to) = (month.First.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), month.Last.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var counts = await Task.WhenAll(candidates.Select(async c =>
        {
            var parts = await Task.WhenAll(Enumerable.Range(0, Shards.Count).Select(s =>
                grains.GetGrain<IInteractionShardGrain>(s).GetIntervalTallies(c.Queue, c.Channel, from, to, IntervalLength.Day)));
            return (c.Queue, c.Channel, Contacts: parts.SelectMany(p => p).Sum(t => t.Offered));
        }));
        return counts.Where(c => c.Contacts > 0).OrderByDescending(c => c.Contacts).ThenBy(c => c.Queue, StringComparer.Ordinal)
            .ThenBy(c => c.Channel).Cast<(string, Channel, long)?>().FirstOrDefault();
    }
}
