namespace QmInsights.Domain.Facts;

/// <summary>The medium a contact arrived on; every aggregate can be broken down by it.</summary>
[GenerateSerializer, Alias("qm.Channel")]
public enum Channel
{
    Call = 0,
    Email = 1,
    Chat = 2,
}
