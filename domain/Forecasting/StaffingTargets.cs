using QmInsights.Domain.Staffing;

namespace QmInsights.Domain.Forecasting;

/// <summary>The service a planner staffs for: the industry's 80% in 20 s, occupancy at most 85%, 30% shrinkage by default.</summary>
public sealed record StaffingTargets(double ServiceLevel = 0.8, double AnswerWithinSeconds = 20, double MaxOccupancy = 0.85, double Shrinkage = 0.3)
{
    /// <summary>The Erlang C request of one forecast interval (<see cref="StaffingRequest"/> checks every value).</summary>
    public StaffingRequest Request(double volume, TimeSpan interval, double handleSeconds) =>
        new(volume, interval, Math.Max(1, handleSeconds), ServiceLevel, TimeSpan.FromSeconds(AnswerWithinSeconds), MaxOccupancy, Shrinkage);
}
