namespace QmInsights.Domain.Facts;

/// <summary>An evaluator's answer to one scorecard item.</summary>
[GenerateSerializer, Alias("qm.ItemAnswer")]
public enum ItemAnswer
{
    Yes = 0,
    No = 1,
    NotApplicable = 2,
}
