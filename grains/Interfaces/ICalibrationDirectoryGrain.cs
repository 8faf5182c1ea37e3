namespace QmInsights.Grains.Interfaces;

/// <summary>Every calibration session id and when it closed, so sessions can be listed (the trend) and a month's pack
/// can find the sessions closed in it. A single grain, key "calibrations": sessions are tens a month.</summary>
[Alias("qm.ICalibrationDirectoryGrain")]
public interface ICalibrationDirectoryGrain : IGrainWithStringKey
{
    Task Register(string sessionId);

    Task Closed(string sessionId, DateTimeOffset closedAt);

    /// <summary>Every session id, open or closed, in ordinal order.</summary>
    Task<List<string>> All();

    /// <summary>The sessions closed from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), oldest first.</summary>
    Task<List<string>> ClosedBetween(DateTimeOffset from, DateTimeOffset to);
}
