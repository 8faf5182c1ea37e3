using QmInsights.Domain.Calibration;

namespace QmInsights.Grains.Interfaces;

/// <summary>One calibration session. Keyed by session id.</summary>
[Alias("qm.ICalibrationSessionGrain")]
public interface ICalibrationSessionGrain : IGrainWithStringKey
{
    /// <summary>Creates or changes the session; a closed session cannot change (its results are what was discussed).</summary>
    Task<CalibrationSession> Define(CalibrationSession session);

    /// <summary>Closes the session, after which its results can be seen; closing twice keeps the first time.</summary>
    Task<CalibrationSession?> Close();

    Task<CalibrationSession?> Get();
}
