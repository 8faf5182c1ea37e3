namespace QmInsights.Domain.Forecasting;

/// <summary>Contacts of one queue and channel that started in one interval: what a shard ships instead of the
/// contacts themselves. Additive, so shards and finer intervals merge by summing.</summary>
/// <param name="Start">Start of the interval, UTC.</param>
/// <param name="Count">Contacts that started in it.</param>
/// <param name="HandleSum">Sum of their handle seconds.</param>
/// <param name="HandleSumOfSquares">Sum of their squared handle seconds (for the spread within the interval).</param>
[GenerateSerializer, Alias("qm.IntervalTally")]
public readonly record struct IntervalTally(
    DateTime Start,
    long Count,
    double HandleSum,
    double HandleSumOfSquares);
