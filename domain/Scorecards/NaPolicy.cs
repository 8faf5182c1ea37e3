namespace QmInsights.Domain.Scorecards;

/// <summary>What a "not applicable" answer does to an item's points.</summary>
[GenerateSerializer, Alias("qm.NaPolicy")]
public enum NaPolicy
{
    /// <summary>Left out of the denominator (the usual practice).</summary>
    Exclude = 0,
    /// <summary>Counts as lost points: "not relevant" still costs.</summary>
    Fail = 1,
    /// <summary>Counts as earned points.</summary>
    Pass = 2,
}
