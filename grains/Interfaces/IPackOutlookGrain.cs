using Orleans.Concurrency;
using QmInsights.Reports.Pack;

namespace QmInsights.Grains.Interfaces;

/// <summary>One month's next-peak outlook for the whole-centre pack, trained once for the cluster and kept while the data
/// it comes from is unchanged (contacts up to the month's end, declared peaks): the pack of any silo and the training
/// ahead (<see cref="ITrainAheadGrain"/>) ask here, so it is trained once. In memory only: a restart trains it again.
/// Key: the month, yyyy-MM.</summary>
[Alias("qm.IPackOutlookGrain")]
public interface IPackOutlookGrain : IGrainWithStringKey
{
    /// <summary>The outlook at the data's current version: the kept one, or trained now (seconds in a large centre;
    /// callers meanwhile wait for the same training). Null when the month has nothing to forecast.
    /// <paramref name="by"/> names who asked, for the log and <see cref="Status"/>.</summary>
    [ResponseTimeout("00:30:00")]
    Task<PeakForecast?> Get(string by);

    /// <summary>Whether an outlook is kept and still matches the data, or is being trained now.</summary>
    [AlwaysInterleave]
    Task<PackOutlookStatus> Status();
}

/// <summary>A month's outlook as its grain holds it.</summary>
/// <param name="Ready">True when an outlook is kept and the data has not changed since it was trained.</param>
/// <param name="TrainingSince">When the training under way started; null when none is.</param>
/// <param name="TrainedAt">When the kept outlook was trained, by whom (<c>pack</c> or <c>train ahead</c>) and in how many seconds.</param>
/// <param name="Trainings">How many times this activation trained the month (a pack served from the kept one adds none).</param>
/// <param name="Queue">The busiest queue and channel forecast; null when nothing is kept or the month had nothing to forecast.</param>
[GenerateSerializer, Alias("qm.PackOutlookStatus")]
public sealed record PackOutlookStatus(string Month, bool Ready, DateTimeOffset? TrainingSince, DateTimeOffset? TrainedAt, string? TrainedBy,
    double? TrainingSeconds, int Trainings, string? Queue, string? Channel);
