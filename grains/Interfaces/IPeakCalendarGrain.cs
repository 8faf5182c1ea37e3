using QmInsights.Domain.Forecasting;

namespace QmInsights.Grains.Interfaces;

/// <summary>The declared peaks (campaigns, holiday calendars per country), kept durably in grain state. A single
/// grain: a centre declares tens of peaks a year. Key: "peaks".</summary>
[Alias("qm.IPeakCalendarGrain")]
public interface IPeakCalendarGrain : IGrainWithStringKey
{
    /// <summary>Declares or replaces the peak with this id; true when it was new.</summary>
    Task<bool> Declare(PeakPeriod peak);

    /// <summary>Removes the peak; false when there was none with this id.</summary>
    Task<bool> Remove(string peakId);

    Task<List<PeakPeriod>> All();
}
