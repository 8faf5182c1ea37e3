using QmInsights.Domain.Access;

namespace QmInsights.Domain.Delivery;

/// <summary>Someone who receives the monthly pack by e-mail: the address, whose pack (the whole centre or one team) and
/// the role it is made for, which decides what the pack may show (an executive's names no agent).</summary>
/// <param name="TeamId">The team whose pack is sent; null for the whole centre's.</param>
[GenerateSerializer, Alias("qm.PackSubscription")]
public sealed record PackSubscription(
    [property: Id(0)] string Id,
    [property: Id(1)] string Email,
    [property: Id(2)] string? TeamId,
    [property: Id(3)] Role Role,
    [property: Id(4)] DateTimeOffset UpdatedAt,
    [property: Id(5)] string UpdatedBy)
{
    /// <summary>The word for the whole centre's pack in the <c>scope</c> field (any other value is a team id).</summary>
    public const string CentreScope = "centre";

    /// <summary>The <c>scope</c> as the API writes it: "centre" or the team id.</summary>
    public string Scope => TeamId ?? CentreScope;

    /// <summary>The subscriber as a reader of packs: the same role and team rules as a token of that role, so a pack sent
    /// is never more than the subscriber could read through the API.</summary>
    public Caller AsCaller() => new(Role, $"subscription {Id}", null, TeamId is null ? [] : [TeamId], null);
}
