using QmInsights.Grains.Interfaces;

namespace QmInsights.Grains.Grains;

public sealed class CalibrationDirectoryGrain(
    [PersistentState("calibrationDirectory", StorageNames.Definitions)] IPersistentState<CalibrationDirectoryState> state)
    : Grain, ICalibrationDirectoryGrain
{
    async Task ICalibrationDirectoryGrain.Register(string sessionId)
    {
        if (!state.State.ClosedAt.TryAdd(sessionId, null)) return;
        await state.WriteStateAsync();
    }

    async Task ICalibrationDirectoryGrain.Closed(string sessionId, DateTimeOffset closedAt)
    {
        if (state.State.ClosedAt.TryGetValue(sessionId, out var known) && known == closedAt) return;
        state.State.ClosedAt[sessionId] = closedAt;
        await state.WriteStateAsync();
    }

    Task<List<string>> ICalibrationDirectoryGrain.All() => Task.FromResult(state.State.ClosedAt.Keys.Order(StringComparer.Ordinal).ToList());

    Task<List<string>> ICalibrationDirectoryGrain.ClosedBetween(DateTimeOffset from, DateTimeOffset to) =>
        Task.FromResult(state.State.ClosedAt.Where(p => p.Value >= from && p.Value < to)
            .OrderBy(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).ToList());
}

[GenerateSerializer, Alias("qm.CalibrationDirectoryState")]
public sealed class CalibrationDirectoryState
{
    /// <summary>Session id to the time it closed; null while open.</summary>
    [Id(0)] public Dictionary<string, DateTimeOffset?> ClosedAt { get; set; } = new(StringComparer.Ordinal);
}
