using QmInsights.Domain.Calibration;
using QmInsights.Grains.Interfaces;

namespace QmInsights.Grains.Grains;

public sealed class CalibrationSessionGrain(
    [PersistentState("calibration", StorageNames.Definitions)] IPersistentState<CalibrationSessionState> state)
    : Grain, ICalibrationSessionGrain
{
    async Task<CalibrationSession> ICalibrationSessionGrain.Define(CalibrationSession session)
    {
        if (state.State.Session is { Closed: true } closed)
            throw new InvalidOperationException($"calibration session '{closed.SessionId}' was closed at {closed.ClosedAt:u} and can no longer change");
        state.State.Session = session with { ClosedAt = null };
        await state.WriteStateAsync();
        // Listed after the session is stored: a listed id always has a session behind it.
        await GrainFactory.GetGrain<ICalibrationDirectoryGrain>("calibrations").Register(session.SessionId);
        return state.State.Session;
    }

    async Task<CalibrationSession?> ICalibrationSessionGrain.Close()
    {
        if (state.State.Session is not { } session || session.Closed) return state.State.Session;
        state.State.Session = session with { ClosedAt = DateTimeOffset.UtcNow };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICalibrationDirectoryGrain>("calibrations").Closed(session.SessionId, state.State.Session.ClosedAt!.Value);
        return state.State.Session;
    }

    Task<CalibrationSession?> ICalibrationSessionGrain.Get() => Task.FromResult(state.State.Session);
}

[GenerateSerializer, Alias("qm.CalibrationSessionState")]
public sealed class CalibrationSessionState
{
    [Id(0)] public CalibrationSession? Session { get; set; }
}
