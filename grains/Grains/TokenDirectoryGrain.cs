using QmInsights.Domain.Access;
using QmInsights.Grains.Interfaces;

namespace QmInsights.Grains.Grains;

public sealed class TokenDirectoryGrain(
    [PersistentState("tokens", StorageNames.Definitions)] IPersistentState<TokenDirectoryState> state)
    : Grain, ITokenDirectoryGrain
{
    // Requests look tokens up by hash; the state is keyed by id for listing and revoking.
    private Dictionary<string, IssuedToken>? _byHash;

    private Dictionary<string, IssuedToken> ByHash => _byHash ??= state.State.Tokens.Values.ToDictionary(t => t.SecretHash);

    async Task ITokenDirectoryGrain.Issue(IssuedToken token)
    {
        state.State.Tokens[token.Id] = token;
        await state.WriteStateAsync();
        _byHash = null;
    }

    Task<IssuedToken?> ITokenDirectoryGrain.FindByHash(string secretHash) => Task.FromResult(ByHash.GetValueOrDefault(secretHash));

    Task<List<IssuedToken>> ITokenDirectoryGrain.All() =>
        Task.FromResult(state.State.Tokens.Values.OrderBy(t => t.IssuedAt).ToList());

    async Task<IssuedToken?> ITokenDirectoryGrain.Revoke(string id, DateTimeOffset at)
    {
        if (!state.State.Tokens.TryGetValue(id, out var token)) return null;
        if (token.Revoked) return token;
        state.State.Tokens[id] = token with { RevokedAt = at };
        await state.WriteStateAsync();
        _byHash = null;
        return state.State.Tokens[id];
    }
}

[GenerateSerializer, Alias("qm.TokenDirectoryState")]
public sealed class TokenDirectoryState
{
    [Id(0)] public Dictionary<string, IssuedToken> Tokens { get; set; } = new();
}
