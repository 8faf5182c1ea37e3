namespace QmInsights.Domain.Forecasting;

/// <summary>Contacts of one queue and channel that started in one interval: what a shard ships instead of the
/// contacts themselves. Additive, so shards and finer intervals merge by summing.</summary>
/// <param name="Start">Start of the interval, UTC.</param>
/// <param name="Count">Handled contacts that started in it (the ones with a handle time).</param>
/// <param name="HandleSum">Sum of their handle seconds.</param>
/// <param name="HandleSumOfSquares">Sum of their squared handle seconds (for the spread within the interval).</param>
/// <param name="Abandoned">Contacts given up in the queue, short abandons left out: with <see cref="Count"/> the offered volume.</param>
[GenerateSerializer, Alias("qm.IntervalTally")]
public readonly record struct IntervalTally(
    DateTime Start,
    long Count,
    double HandleSum,
    double HandleSumOfSquares,
    long Abandoned = 0)
{
    /// <summary>Contacts offered to the queue: handled plus abandoned (short abandons are not offered volume).</summary>
    public long Offered => Count + Abandoned;
}
