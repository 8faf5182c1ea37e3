namespace QmInsights.Domain.Facts;

/// <summary>The customer's answer after a contact. A contact has at most one survey, so the interaction id is its id.</summary>
[GenerateSerializer, Alias("qm.Survey")]
public sealed record Survey(
    string InteractionId,
    DateTimeOffset AnsweredAt,
    int? Csat,
    int? Nps)
{
    /// <summary>CSAT counts as satisfied at 4 or 5 on the 1-5 scale.</summary>
    public bool? Satisfied => Csat is { } c ? c >= 4 : null;

    /// <summary>NPS promoter: 9 or 10.</summary>
    public bool? Promoter => Nps is { } n ? n >= 9 : null;

    /// <summary>NPS detractor: 0 to 6.</summary>
    public bool? Detractor => Nps is { } n ? n <= 6 : null;
}
