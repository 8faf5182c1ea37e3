using System.Security.Cryptography;
using System.Text;

namespace QmInsights.Silo.Hosting;

/// <summary>Until roles exist, the API is either open (embedded demo, no token configured) or closed to everyone
/// but the holder of <c>Auth:AdminToken</c>. The token is compared in constant time.</summary>
public static class AdminTokenGate
{
    public static void UseAdminTokenGate(this WebApplication app)
    {
        var token = app.Configuration["Auth:AdminToken"];
        if (string.IsNullOrEmpty(token)) return;
        var expected = Encoding.UTF8.GetBytes($"Bearer {token}");
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/dashboard"))
            {
                var header = context.Request.Headers.Authorization.ToString();
                // A browser's EventSource cannot send headers: the event stream may carry the token in the query.
                if (header.Length == 0 && context.Request.Path.StartsWithSegments("/api/events"))
                    header = $"Bearer {context.Request.Query["access_token"]}";
                var given = Encoding.UTF8.GetBytes(header);
                if (!CryptographicOperations.FixedTimeEquals(given, expected))
                {
                    await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                        detail: "Authorization: send 'Bearer <token>' with the token configured as Auth:AdminToken")
                        .ExecuteAsync(context);
                    return;
                }
            }
            await next(context);
        });
    }
}
