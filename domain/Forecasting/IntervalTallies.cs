using QmInsights.Domain.Facts;

namespace QmInsights.Domain.Forecasting;

/// <summary>Sums contacts into interval tallies: what a shard answers a history query with.</summary>
public static class IntervalTallies
{
    /// <summary>Tallies of <paramref name="interactions"/> of <paramref name="queue"/> and <paramref name="channel"/> (null: any)
    /// that started in [<paramref name="from"/>, <paramref name="to"/>), by <paramref name="length"/>, in start order.
    /// Abandoned contacts that waited less than <paramref name="shortAbandonSeconds"/> are short abandons and left out.</summary>
    public static List<IntervalTally> Of(IEnumerable<Interaction> interactions, string? queue, Channel? channel,
        DateTime from, DateTime to, IntervalLength length, double shortAbandonSeconds = 0)
    {
        var buckets = new Dictionary<DateTime, IntervalTally>();
        foreach (var i in interactions)
        {
            if (queue is not null && i.Queue != queue || channel is not null && i.Channel != channel) continue;
            var utc = i.StartedAt.UtcDateTime;
            if (utc < from || utc >= to) continue;
            var start = length.Floor(utc);
            var t = buckets.GetValueOrDefault(start, new IntervalTally(start, 0, 0, 0));
            buckets[start] = i.OutcomeWith(shortAbandonSeconds) switch
            {
                ContactOutcome.Handled => t with
                {
                    Count = t.Count + 1, HandleSum = t.HandleSum + i.HandleSeconds,
                    HandleSumOfSquares = t.HandleSumOfSquares + i.HandleSeconds * i.HandleSeconds,
                },
                ContactOutcome.Abandoned => t with { Abandoned = t.Abandoned + 1 },
                _ => t,
            };
        }
        return buckets.Values.OrderBy(t => t.Start).ToList();
    }
}
