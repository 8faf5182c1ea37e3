using System.Collections.Immutable;

namespace QmInsights.Domain.Access;

/// <summary>A token issued through the API. Only the SHA-256 hash of its secret is kept; the secret itself is
/// answered once, when the token is issued.</summary>
[GenerateSerializer, Alias("qm.IssuedToken")]
public sealed record IssuedToken(
    [property: Id(0)] string Id,
    [property: Id(1)] Role Role,
    [property: Id(2)] string Name,
    [property: Id(3)] string? AgentId,
    [property: Id(4)] ImmutableArray<string> TeamIds,
    [property: Id(5)] string SecretHash,
    [property: Id(6)] DateTimeOffset IssuedAt,
    [property: Id(7)] string IssuedBy,
    [property: Id(8)] DateTimeOffset? RevokedAt,
    [property: Id(9)] DateTimeOffset? ExpiresAt = null)
{
    public bool Revoked => RevokedAt is not null;

    /// <summary>True once <see cref="ExpiresAt"/> has passed (<c>Auth:TokenLifetimeDays</c> after issue; never when null).</summary>
    public bool ExpiredAt(DateTimeOffset now) => ExpiresAt is { } end && now >= end;

    /// <summary>Why the token is refused at <paramref name="now"/> (revoked or expired), or null while it is valid.</summary>
    public string? Refusal(DateTimeOffset now) =>
        Revoked ? $"the bearer token '{Id}' was revoked at {RevokedAt:u}"
        : ExpiredAt(now) ? $"the bearer token '{Id}' expired at {ExpiresAt:u}; ask an admin for a new one"
        : null;

    public Caller AsCaller() => new(Role, Name, AgentId, TeamIds, Id);
}
