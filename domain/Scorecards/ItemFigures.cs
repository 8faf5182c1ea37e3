namespace QmInsights.Domain.Scorecards;

/// <summary>How one item of one scorecard version fared in regular evaluations over a range.</summary>
[GenerateSerializer, Alias("qm.ItemFigures")]
public sealed record ItemFigures(
    string ItemId,
    int Version,
    string? SectionId,
    string? Text,
    bool Critical,
    long Answered,
    long Passed,
    long Failed,
    long NotApplicable,
    /// <summary>Passed / (passed + failed); null when the item was never answered yes or no.</summary>
    double? PassRate);
