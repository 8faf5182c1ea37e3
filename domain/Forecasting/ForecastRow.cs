namespace QmInsights.Domain.Forecasting;

/// <summary>One interval of a handle-time and volume forecast, as the contract's <c>/api/forecast/handle-time</c> row.</summary>
/// <param name="IntervalStart">Start of the interval (UTC).</param>
/// <param name="HandleSeconds">Predicted mean handle seconds.</param>
/// <param name="Volume">Predicted offered contacts (handled and abandoned).</param>
/// <param name="DeclaredPeak">Whether a declared peak covers the interval's local day.</param>
/// <param name="LocalStart">The same start in the centre's local time (<c>Centre:TimeZone</c>), with its offset.</param>
public sealed record ForecastRow(
    DateTimeOffset IntervalStart,
    double HandleSeconds,
    double HandleSecondsLower80,
    double HandleSecondsUpper80,
    double HandleSecondsLower95,
    double HandleSecondsUpper95,
    double Volume,
    double VolumeLower80,
    double VolumeUpper80,
    double VolumeLower95,
    double VolumeUpper95,
    bool DeclaredPeak,
    DateTimeOffset LocalStart);
