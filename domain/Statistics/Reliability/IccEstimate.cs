namespace QmInsights.Domain.Statistics.Reliability;

/// <summary>One intraclass correlation with its confidence interval; any part is null where it is undefined.</summary>
/// <param name="Value">The point estimate.</param>
/// <param name="Lower">The lower confidence limit.</param>
/// <param name="Upper">The upper confidence limit.</param>
public sealed record IccEstimate(double? Value, double? Lower, double? Upper);
