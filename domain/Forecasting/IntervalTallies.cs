using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Forecasting;

/// <summary>Sums contacts into interval tallies: what a shard answers a history query with.</summary>
public static class IntervalTallies
{
    /// <summary>Tallies of <paramref name="interactions"/> of <paramref name="queue"/> and <paramref name="channel"/> (null: any)
    /// that started in [<paramref name="from"/>, <paramref name="to"/>), by <paramref name="length"/>, in start order.</summary>
    public static List<IntervalTally> Of(IEnumerable<Interaction> interactions, string? queue, Channel? channel,
        DateTime from, DateTime to, IntervalLength length)
    {
        var buckets = new Dictionary<DateTime, IntervalTally>();
        foreach (var i in interactions)
        {
            if (queue is not null && i.Queue != queue || channel is not null && i.Channel != channel) continue;
            var utc = i.StartedAt.UtcDateTime;
            if (utc < from || utc >= to) continue;
            var start = length.Floor(utc);
            var t = buckets.GetValueOrDefault(start, new IntervalTally(start, 0, 0, 0));
            buckets[start] = new IntervalTally(start, t.Count + 1, t.HandleSum + i.HandleSeconds,
                t.HandleSumOfSquares + (double)i.HandleSeconds * i.HandleSeconds);
        }
        return buckets.Values.OrderBy(t => t.Start).ToList();
    }
}
