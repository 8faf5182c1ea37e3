using QmInsights.Domain.Forecasting;
using QmInsights.Grains.Interfaces;

namespace QmInsights.Grains.Grains;

public sealed class PeakCalendarGrain(
    [PersistentState("peakCalendar", StorageNames.Definitions)] IPersistentState<PeakCalendarState> state)
    : Grain, IPeakCalendarGrain
{
    async Task<bool> IPeakCalendarGrain.Declare(PeakPeriod peak)
    {
        var known = state.State.Peaks.TryGetValue(peak.Id, out var old);
        if (known && old == peak) return false;
        state.State.Peaks[peak.Id] = peak;
        await state.WriteStateAsync();
        return !known;
    }

    async Task<bool> IPeakCalendarGrain.Remove(string peakId)
    {
        if (!state.State.Peaks.Remove(peakId)) return false;
        await state.WriteStateAsync();
        return true;
    }

    Task<List<PeakPeriod>> IPeakCalendarGrain.All() =>
        Task.FromResult(state.State.Peaks.Values.OrderBy(p => p.From).ThenBy(p => p.Id, StringComparer.Ordinal).ToList());
}

[GenerateSerializer, Alias("qm.PeakCalendarState")]
public sealed class PeakCalendarState
{
    [Id(0)] public Dictionary<string, PeakPeriod> Peaks { get; set; } = new();
}
