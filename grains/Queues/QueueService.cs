using QmInsights.Domain.Queues;
using QmInsights.Grains.Interfaces;
using QmInsights.Storage;

namespace QmInsights.Grains.Queues;

/// <summary>Offered, handled, abandoned, service level and ASA per queue and interval: every shard sums its own
/// contacts, this adds the shards up.</summary>
public sealed class QueueService(IGrainFactory grains, QueueThresholds? thresholds = null)
{
    /// <summary>The thresholds the figures are computed with.</summary>
    public QueueThresholds Thresholds { get; } = thresholds ?? new QueueThresholds();

    /// <summary>Each queue's (or only <paramref name="queue"/>'s) total and intervals over the centre's days
    /// <paramref name="from"/> to <paramref name="to"/> (inclusive), queues by name, intervals in time order.</summary>
    public async Task<List<QueueSummary>> Figures(string? queue, DateOnly from, DateOnly to, bool hourly)
    {
        var parts = await Task.WhenAll(Enumerable.Range(0, Shards.Count)
            .Select(s => grains.GetGrain<IInteractionShardGrain>(s).GetQueueTallies(queue, from, to, hourly, Thresholds)));
        var sums = new Dictionary<(string Queue, DateTimeOffset Start), QueueTally>();
        foreach (var (key, tally) in parts.SelectMany(p => p)) sums[key] = sums.GetValueOrDefault(key) + tally;
        return sums.GroupBy(p => p.Key.Queue).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new QueueSummary(g.Key,
                QueueFigures.Of(null, g.Aggregate(default(QueueTally), (t, p) => t + p.Value)),
                g.OrderBy(p => p.Key.Start).Select(p => QueueFigures.Of(p.Key.Start, p.Value)).ToList()))
            .ToList();
    }
}
