using Orleans.Concurrency;

namespace QmInsights.Grains.Interfaces;

/// <summary>Trains the next-peak outlook of the latest closed month ahead of its pack: once that month's data has stopped
/// changing for <c>Reports:TrainAhead:Quiet</c>, its <see cref="IPackOutlookGrain"/> is asked, so the scheduled render or a
/// manager's request finds the outlook ready. Every silo looks every <c>Reports:TrainAhead:CheckEvery</c>; a single grain
/// (key "outlooks"), so the month is trained once.</summary>
[Alias("qm.ITrainAheadGrain")]
public interface ITrainAheadGrain : IGrainWithStringKey
{
    /// <summary>Looks at the data as of <paramref name="now"/>: when new data arrived since the last look (or the month is
    /// still settling) it notes the latest closed month's data version, and trains its outlook once that version has
    /// been unchanged for the quiet period. The call waits for the training.</summary>
    [ResponseTimeout("00:30:00")]
    Task<TrainAheadState> Check(DateTimeOffset now);

    /// <summary>What the last look found.</summary>
    [AlwaysInterleave]
    Task<TrainAheadState> State();
}

/// <summary>The month training ahead watches and since when its data has been unchanged.</summary>
/// <param name="Month">The latest closed month with contacts (yyyy-MM); null when there are none, and after a restart until
/// nothing has arrived for the quiet period (the first look then trains the month whose outlook the restart lost).</param>
/// <param name="QuietSince">Since when the month's data version has been the same.</param>
/// <param name="Settling">True while the month is waiting for its quiet period; false once its outlook was asked for.</param>
[GenerateSerializer, Alias("qm.TrainAheadState")]
public sealed record TrainAheadState(string? Month, DateTimeOffset? QuietSince, bool Settling);
