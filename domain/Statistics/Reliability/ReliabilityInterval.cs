namespace QmInsights.Domain.Statistics.Reliability;

/// <summary>A reliability coefficient with a bootstrap percentile interval.</summary>
/// <param name="Value">The coefficient on the data as observed; null when undefined.</param>
/// <param name="Lower">Lower limit; null when too few resamples gave a defined coefficient.</param>
/// <param name="Upper">Upper limit; null as <paramref name="Lower"/>.</param>
/// <param name="Replicates">Resamples drawn (those where the coefficient was undefined are left out of the limits).</param>
public sealed record ReliabilityInterval(double? Value, double? Lower, double? Upper, int Replicates)
{
    /// <summary>The limits as a [lower, upper] pair for JSON; null without limits.</summary>
    public double[]? Ci => Lower is { } l && Upper is { } u ? [l, u] : null;
}
