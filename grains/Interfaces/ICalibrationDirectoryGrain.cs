namespace QmInsights.Grains.Interfaces;

/// <summary>Which calibration sessions were closed when, so a month's pack can find the sessions closed in it.
/// A single grain, key "calibrations": sessions are tens a month.</summary>
[Alias("qm.ICalibrationDirectoryGrain")]
public interface ICalibrationDirectoryGrain : IGrainWithStringKey
{
    Task Closed(string sessionId, DateTimeOffset closedAt);

    /// <summary>The sessions closed from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), oldest first.</summary>
    Task<List<string>> ClosedBetween(DateTimeOffset from, DateTimeOffset to);
}
