namespace QmInsights.Grains.Interfaces;

/// <summary>Every calibration session id, so sessions can be listed (the trend). Key: "calibrations".</summary>
[Alias("qm.ICalibrationDirectoryGrain")]
public interface ICalibrationDirectoryGrain : IGrainWithStringKey
{
    Task Register(string sessionId);

    Task<List<string>> All();
}
