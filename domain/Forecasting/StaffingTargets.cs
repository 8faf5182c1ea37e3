using QmInsights.Domain.Staffing;

namespace QmInsights.Domain.Forecasting;

/// <summary>The service a planner staffs for: the industry's 80% in 20 s, occupancy at most 85%, 30% shrinkage by default;
/// the point forecast unless a volume quantile is chosen; Erlang C unless a mean patience is given (then Erlang A).</summary>
/// <param name="StaffFor">Which forecast volume to staff: the point forecast, or an upper prediction bound.</param>
/// <param name="PatienceSeconds">Mean caller patience: staffing then uses Erlang A; null, Erlang C.</param>
/// <param name="ResponseWithinSeconds">Response-time target of deferred channels (email; chat unless live).</param>
public sealed record StaffingTargets(double ServiceLevel = 0.8, double AnswerWithinSeconds = 20, double MaxOccupancy = 0.85, double Shrinkage = 0.3,
    VolumeQuantile StaffFor = VolumeQuantile.Mean, double? PatienceSeconds = null, double ResponseWithinSeconds = 4 * 3600)
{
    /// <summary>The request of one forecast interval (<see cref="StaffingRequest"/> checks every value).</summary>
    public StaffingRequest Request(double volume, TimeSpan interval, double workSeconds) =>
        new(volume, interval, Math.Max(1, workSeconds), ServiceLevel, TimeSpan.FromSeconds(AnswerWithinSeconds), MaxOccupancy, Shrinkage)
        {
            PatienceSeconds = PatienceSeconds,
        };

    /// <summary>The volume of <paramref name="row"/> staffing is planned for.</summary>
    public double Volume(ForecastRow row) => StaffFor switch
    {
        VolumeQuantile.Upper80 => row.VolumeUpper80,
        VolumeQuantile.Upper95 => row.VolumeUpper95,
        _ => row.Volume,
    };

    /// <summary>Probability that an interval's offered volume stays at or below the volume staffed for, so that the service
    /// level target holds (given the handle time forecast): the upper end of a central interval is its (1 + level) / 2 quantile.
    /// Null for the point forecast, which holds about half the time.</summary>
    public double? VolumeHoldsWithProbability => StaffFor switch
    {
        VolumeQuantile.Upper80 => 0.9,
        VolumeQuantile.Upper95 => 0.975,
        _ => null,
    };
}

/// <summary>Which forecast volume staffing is planned for.</summary>
public enum VolumeQuantile
{
    /// <summary>The point forecast (the expected volume).</summary>
    Mean,
    /// <summary>The upper end of the 80% prediction interval: the 90% quantile.</summary>
    Upper80,
    /// <summary>The upper end of the 95% prediction interval: the 97.5% quantile.</summary>
    Upper95,
}
