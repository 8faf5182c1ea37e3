using System.Diagnostics;
using Microsoft.Extensions.Logging;
using QmInsights.Grains.Interfaces;
using QmInsights.Grains.Reports;
using QmInsights.Reports.Pack;

namespace QmInsights.Grains.Grains;

// Kept for weeks when idle: an outlook trained ahead on the 1st must still be here when the pack is asked for days later.
[CollectionAgeLimit(Days = 35)]
public sealed class PackOutlookGrain(PackForecast forecasts, TimeProvider clock, ILogger<PackOutlookGrain> logger) : Grain, IPackOutlookGrain
{
    private PackMonth Month => PackMonth.TryParse(this.GetPrimaryKeyString(), out var month) ? month
        : throw new ArgumentException($"month: '{this.GetPrimaryKeyString()}' is not yyyy-MM");

    private OutlookVersion? _version;
    private PeakForecast? _forecast;
    private DateTimeOffset? _trainedAt, _trainingSince;
    private string? _trainedBy;
    private TimeSpan _took;
    private int _trainings;

    async Task<PeakForecast?> IPackOutlookGrain.Get(string by)
    {
        // The version is read before the work: facts arriving meanwhile leave the outlook stale, so the next ask trains again.
        var version = await forecasts.DataVersion(Month);
        if (version.Equals(_version)) return _forecast;
        _trainingSince = clock.GetUtcNow();
        logger.LogInformation("Next-peak outlook of {Month}: training ({By})", Month, by);
        var watch = Stopwatch.StartNew();
        try
        {
            // Off the grain's turn: Status answers while the trees are fitted.
            _forecast = await Task.Run(() => forecasts.Compute(Month));
        }
        finally
        {
            _trainingSince = null;
        }
        (_version, _trainedAt, _trainedBy, _took) = (version, clock.GetUtcNow(), by, watch.Elapsed);
        _trainings++;
        logger.LogInformation("Next-peak outlook of {Month}: trained in {Seconds:F1} s ({By}): {Queue}", Month, _took.TotalSeconds, by,
            _forecast is { } f ? $"{f.Queue} {f.Channel}, peak {f.Day:yyyy-MM-dd}" : "nothing to forecast");
        return _forecast;
    }

    async Task<PackOutlookStatus> IPackOutlookGrain.Status()
    {
        var ready = _version is not null && (await forecasts.DataVersion(Month)).Equals(_version);
        return new PackOutlookStatus(Month.ToString(), ready, _trainingSince, _trainedAt, _trainedBy, _trainedAt is null ? null : _took.TotalSeconds,
            _trainings, _forecast?.Queue, _forecast?.Channel);
    }
}
