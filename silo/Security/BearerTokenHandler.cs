using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using QmInsights.Domain.Access;
using QmInsights.Grains.Interfaces;

namespace QmInsights.Silo.Security;

public sealed class BearerTokenOptions : AuthenticationSchemeOptions
{
    /// <summary><c>Auth:AdminToken</c>. Unset: the API is open and every request is the admin (embedded demo).</summary>
    public string? AdminToken
    {
        get;
        set
        {
            field = value;
            AdminTokenHash = string.IsNullOrEmpty(value) ? null : Encoding.ASCII.GetBytes(TokenSecret.Hash(value));
        }
    }

    /// <summary>The admin token's hash, computed once rather than on every request.</summary>
    public byte[]? AdminTokenHash { get; private set; }

    /// <summary><c>Auth:TokenLifetimeDays</c>: how long an issued token is valid (default 90 days); null: for ever.</summary>
    public TimeSpan? TokenLifetime { get; set; } = TimeSpan.FromDays(90);
}

/// <summary>Resolves <c>Authorization: Bearer &lt;token&gt;</c> to a caller: the start-up admin token (compared in
/// constant time) or a token issued through the API (looked up by its hash; revoked ones are refused). EventSource
/// cannot set headers, so GET requests under /api/events may carry the token as <c>?access_token=</c> instead.</summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<BearerTokenOptions> options, ILoggerFactory logger, UrlEncoder encoder, IGrainFactory grains)
    : AuthenticationHandler<BearerTokenOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>Who every request is when no admin token is configured.</summary>
    public static readonly Caller OpenModeCaller = new(Role.Admin, "anonymous (open mode)", null, [], null);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Options.AdminTokenHash is not { } adminHash) return Success(OpenModeCaller);
        var secret = Secret(Request);
        if (secret is null) return AuthenticateResult.NoResult();
        var hash = TokenSecret.Hash(secret);
        if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), adminHash))
            return Success(new Caller(Role.Admin, "admin", null, ImmutableArray<string>.Empty, null));
        var token = await grains.GetGrain<ITokenDirectoryGrain>("tokens").FindByHash(hash);
        if (token is null) return AuthenticateResult.Fail("the bearer token is not known");
        if (token.Refusal(DateTimeOffset.UtcNow) is { } refusal) return AuthenticateResult.Fail(refusal);
        return Success(token.AsCaller());
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.Headers.WWWAuthenticate = failure is null ? SchemeName : $"{SchemeName} error=\"invalid_token\"";
        await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: $"Authorization: {failure ?? "send 'Bearer <token>': the admin token configured as Auth:AdminToken or a token issued by POST /api/auth/tokens"}")
            .ExecuteAsync(Context);
    }

    private AuthenticateResult Success(Caller caller) =>
        AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.ToPrincipal(caller, SchemeName), SchemeName));

    private static string? Secret(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim() is { Length: > 0 } t ? t : null;
        if (HttpMethods.IsGet(request.Method) && request.Path.StartsWithSegments("/api/events")
            && request.Query["access_token"].ToString() is { Length: > 0 } query) return query;
        return null;
    }
}
