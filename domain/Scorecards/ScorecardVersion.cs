namespace QmInsights.Domain.Scorecards;

/// <summary>One version of a scorecard, in force from <see cref="ValidFrom"/> until the next version.</summary>
[GenerateSerializer, Alias("qm.ScorecardVersion")]
public sealed record ScorecardVersion(
    string ScorecardId,
    int Version,
    DateTimeOffset ValidFrom,
    ScorecardDefinition Definition);
