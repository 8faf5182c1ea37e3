namespace QmInsights.Domain.Statistics.Reliability;

/// <summary>How far apart two values are for Krippendorff's alpha: the level of measurement of the data.</summary>
public enum AlphaMetric
{
    /// <summary>Categories: two values either match (0) or do not (1).</summary>
    Nominal,

    /// <summary>Ranks: the squared count of values lying between the two, from the data's own margins.</summary>
    Ordinal,

    /// <summary>Equal-interval scale: the squared difference.</summary>
    Interval,

    /// <summary>Scale with a true zero: the squared difference over the squared sum.</summary>
    Ratio,
}
