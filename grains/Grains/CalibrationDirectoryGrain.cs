using QmInsights.Grains.Interfaces;

namespace QmInsights.Grains.Grains;

public sealed class CalibrationDirectoryGrain(
    [PersistentState("calibrationDirectory", StorageNames.Definitions)] IPersistentState<CalibrationDirectoryState> state)
    : Grain, ICalibrationDirectoryGrain
{
    async Task ICalibrationDirectoryGrain.Closed(string sessionId, DateTimeOffset closedAt)
    {
        if (state.State.ClosedAt.TryGetValue(sessionId, out var known) && known == closedAt) return;
        state.State.ClosedAt[sessionId] = closedAt;
        await state.WriteStateAsync();
    }

    Task<List<string>> ICalibrationDirectoryGrain.ClosedBetween(DateTimeOffset from, DateTimeOffset to) =>
        Task.FromResult(state.State.ClosedAt.Where(p => p.Value >= from && p.Value < to)
            .OrderBy(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).ToList());
}

[GenerateSerializer, Alias("qm.CalibrationDirectoryState")]
public sealed class CalibrationDirectoryState
{
    [Id(0)] public Dictionary<string, DateTimeOffset> ClosedAt { get; set; } = new();
}
