using QmInsights.Grains.Interfaces;

namespace QmInsights.Grains.Grains;

public sealed class CalibrationDirectoryGrain(
    [PersistentState("calibrationDirectory", StorageNames.Definitions)] IPersistentState<CalibrationDirectoryState> state)
    : Grain, ICalibrationDirectoryGrain
{
    async Task ICalibrationDirectoryGrain.Register(string sessionId)
    {
        if (!state.State.SessionIds.Add(sessionId)) return;
        await state.WriteStateAsync();
    }

    Task<List<string>> ICalibrationDirectoryGrain.All() => Task.FromResult(state.State.SessionIds.Order(StringComparer.Ordinal).ToList());
}

[GenerateSerializer, Alias("qm.CalibrationDirectoryState")]
public sealed class CalibrationDirectoryState
{
    [Id(0)] public HashSet<string> SessionIds { get; set; } = new(StringComparer.Ordinal);
}
