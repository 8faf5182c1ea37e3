using QmInsights.Domain.Facts;
using QmInsights.Domain.Periods;
using QmInsights.Domain.Statistics;

namespace QmInsights.Domain.Aggregates;

/// <summary>Turns day-and-channel tallies into the figures of a summary: totals, by channel, and a trend.</summary>
public static class SummaryBuilder
{
    /// <summary>Summarises the days from <paramref name="from"/> to <paramref name="to"/> (both inclusive; null = open).
    /// The trend has one row per period from the first to the last period with data, empty periods included.
    /// With <paramref name="channel"/> only that channel's contacts count.</summary>
    public static QualityFigures Build(TallyMap<TallyBucket, QualityTally> tallies, DateOnly? from, DateOnly? to,
        TrendPeriod period, Channel? channel = null)
    {
        var total = new QualityTally();
        var byChannel = new SortedDictionary<string, QualityTally>(StringComparer.Ordinal);
        var byPeriod = new SortedDictionary<DateOnly, QualityTally>();
        foreach (var (bucket, tally) in tallies.Buckets)
        {
            if (!Includes(bucket, from, to, channel)) continue;
            total.Add(tally, 1);
            Accumulate(byChannel, bucket.Channel?.ToString().ToLowerInvariant() ?? "unknown", tally);
            Accumulate(byPeriod, period.StartOf(bucket.Day), tally);
        }

        var trend = new List<QualityFigures>();
        foreach (var start in Periods(byPeriod, period))
            trend.Add(Figures(byPeriod.GetValueOrDefault(start) ?? new QualityTally()) with
            {
                Period = period.Name(start),
                From = start,
                To = period.EndOf(start),
            });

        return Figures(total) with
        {
            From = from,
            To = to,
            ByChannel = byChannel.ToDictionary(p => p.Key, p => Figures(p.Value)),
            TrendPeriod = period.ToString().ToLowerInvariant(),
            Trend = trend,
        };
    }

    /// <summary>The tallies of the days from <paramref name="from"/> to <paramref name="to"/> summed by period start
    /// and channel: what a caller needs to add several aggregates together (a centre is the sum of its teams) without
    /// moving every day. <see cref="Build"/> over the sum with the same period gives the summary of the whole.</summary>
    public static TallyMap<TallyBucket, QualityTally> Condense(TallyMap<TallyBucket, QualityTally> tallies, DateOnly? from,
        DateOnly? to, TrendPeriod period, Channel? channel = null)
    {
        var condensed = new TallyMap<TallyBucket, QualityTally>();
        foreach (var (bucket, tally) in tallies.Buckets)
            if (Includes(bucket, from, to, channel))
                condensed.Add(bucket with { Day = period.StartOf(bucket.Day) }, tally, 1);
        return condensed;
    }

    /// <summary>A trend lists the empty periods between its first and last period with data up to this span; a longer
    /// span (a stray fact dated far from the others) lists only the periods with data, so no stored date can make a
    /// summary huge.</summary>
    public const int MaxFilledPeriods = 1200;

    private static IEnumerable<DateOnly> Periods(SortedDictionary<DateOnly, QualityTally> byPeriod, TrendPeriod period)
    {
        if (byPeriod.Count == 0) return [];
        var (first, last) = (byPeriod.Keys.First(), byPeriod.Keys.Last());
        if (period.Count(first, last) > MaxFilledPeriods) return byPeriod.Keys;
        var all = new List<DateOnly>();
        // Stops at the last period before asking for the next one: the period after 9999-12 does not exist.
        for (var start = first; ; start = period.NextStart(start))
        {
            all.Add(start);
            if (start >= last) return all;
        }
    }

    private static bool Includes(TallyBucket bucket, DateOnly? from, DateOnly? to, Channel? channel) =>
        !(from is { } f && bucket.Day < f || to is { } t && bucket.Day > t || channel is { } c && bucket.Channel != c);

    /// <summary>The figures of one tally.</summary>
    public static QualityFigures Figures(QualityTally t)
    {
        var scored = t.Regular.Count;
        return new QualityFigures
        {
            Evaluations = scored,
            QaScore = t.Regular.Mean,
            QaScoreCi95 = MeanInterval.Of(t.Regular, 0.95, 0, 100),
            QaScoreStdDev = t.Regular.StandardDeviation,
            EvaluationsForMargin5 = MeanInterval.RequiredCount(t.Regular.StandardDeviation, 5),
            AtTargetShare = scored > 0 ? (double)t.RegularAtTarget / scored : null,
            TargetPercent = scored > 0 ? t.RegularTargetSum / scored : null,
            UnscoredEvaluations = t.RegularUnscored,
            CalibrationEvaluations = t.Calibration.Count + t.CalibrationUnscored,
            CalibrationQaScore = t.Calibration.Mean,
            SelfEvaluations = t.Self.Count + t.SelfUnscored,
            SelfQaScore = t.Self.Mean,
            Csat = t.Csat.Count > 0 ? 100.0 * t.CsatSatisfied / t.Csat.Count : null,
            CsatMean = t.Csat.Mean,
            CsatResponses = t.Csat.Count,
            Nps = t.NpsResponses > 0 ? 100.0 * (t.NpsPromoters - t.NpsDetractors) / t.NpsResponses : null,
            NpsResponses = t.NpsResponses,
            AhtSeconds = Tenths(t.HandleSeconds.Mean),
            FcrRate = t.FcrKnown > 0 ? (double)t.FcrResolved / t.FcrKnown : null,
            Interactions = t.Interactions,
            Surveys = t.Surveys,
        };
    }

    // Durations are kept to the millisecond; a mean is reported to a tenth of a second.
    private static double? Tenths(double? seconds) => seconds is { } s ? Math.Round(s, 1, MidpointRounding.AwayFromZero) : null;

    private static void Accumulate<TKey>(SortedDictionary<TKey, QualityTally> into, TKey key, QualityTally tally)
        where TKey : notnull
    {
        if (!into.TryGetValue(key, out var sum)) into[key] = sum = new QualityTally();
        sum.Add(tally, 1);
    }
}
