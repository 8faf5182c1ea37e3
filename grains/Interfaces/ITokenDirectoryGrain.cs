using QmInsights.Domain.Access;

namespace QmInsights.Grains.Interfaces;

/// <summary>Every token issued through the API (hashes only), durable in the definitions storage (PostgreSQL in
/// Postgres mode). A single grain: tokens are tens or hundreds, and each request resolves its token here.
/// Key: "tokens".</summary>
[Alias("qm.ITokenDirectoryGrain")]
public interface ITokenDirectoryGrain : IGrainWithStringKey
{
    Task Issue(IssuedToken token);

    /// <summary>The token whose secret hashes to <paramref name="secretHash"/>, revoked or not; null when unknown.</summary>
    [Orleans.Concurrency.ReadOnly]
    Task<IssuedToken?> FindByHash(string secretHash);

    [Orleans.Concurrency.ReadOnly]
    Task<List<IssuedToken>> All();

    /// <summary>Marks the token revoked (kept for the audit trail); null when there is no such token.</summary>
    Task<IssuedToken?> Revoke(string id, DateTimeOffset at);
}
