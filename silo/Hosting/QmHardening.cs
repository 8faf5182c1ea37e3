using System.Net;

namespace QmInsights.Silo.Hosting;

/// <summary>Secure defaults of the HTTP host: the body size limit, the refusal to serve an open API beyond loopback,
/// cross-site request refusal and the browser headers of the dashboard.</summary>
public static class QmHardening
{
    /// <summary>Kestrel's own default (about 28.6 MiB): bodies above it answer 413 with the report of what was stored.</summary>
    public const long DefaultMaxBodyBytes = 30_000_000;

    public static WebApplicationBuilder AddQmHardening(this WebApplicationBuilder builder)
    {
        var text = builder.Configuration["Http:MaxBodyBytes"];
        long limit = DefaultMaxBodyBytes;
        if (!string.IsNullOrWhiteSpace(text) && (!long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out limit) || limit < 1))
            throw new FormatException($"Http:MaxBodyBytes: '{text}' must be a whole number of bytes, at least 1");
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = limit);
        return builder;
    }

    /// <summary>Refuses to build an open API (no <c>Auth:AdminToken</c>) that would listen on an address other hosts can
    /// reach (<c>urls</c>, <c>ASPNETCORE_URLS</c>, <c>Kestrel:Endpoints:*:Url</c>), and says in the log that the API is
    /// open when it is built.</summary>
    public static void RequireTokenBeyondLoopback(this WebApplication app)
    {
        if (!string.IsNullOrEmpty(app.Configuration["Auth:AdminToken"])) return;
        var urls = (app.Configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(app.Configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>())
            .ToList();
        var exposed = urls.Where(url => !IsLoopback(url)).ToList();
        if (exposed.Count > 0)
            throw new InvalidOperationException(
                $"Auth:AdminToken is not set, so the API would be open to everybody, and it listens on {string.Join(", ", exposed)}, " +
                "which other hosts can reach. Set Auth:AdminToken (environment Auth__AdminToken), or listen on 127.0.0.1 only.");
        app.Logger.LogWarning("Auth:AdminToken is not set: the API is open (every request is the admin); it listens on loopback only ({Urls})",
            urls.Count > 0 ? string.Join(", ", urls) : "the default, localhost");
    }

    /// <summary>True when <paramref name="url"/> binds a loopback address only (127.0.0.0/8, ::1, localhost).</summary>
    public static bool IsLoopback(string url)
    {
        var host = url.Split("://", 2)[^1].Split('/')[0];
        host = host.StartsWith('[') ? host[1..host.IndexOf(']')] : host.Split(':')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
    }

    /// <summary>Refuses state-changing requests a browser sends from another site (a form POSTed cross-site to an open
    /// engine), and gives the dashboard a content security policy that forbids framing.</summary>
    public static void UseQmHardening(this WebApplication app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && CrossSite(request) is { } why)
        {
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused", detail: why).ExecuteAsync(context);
            return;
        }
        if (request.Path.StartsWithSegments("/app"))
        {
            context.Response.Headers.ContentSecurityPolicy =
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
            context.Response.Headers.XFrameOptions = "DENY";
            context.Response.Headers.XContentTypeOptions = "nosniff";
        }
        await next(context);
    });

    // Browsers name the site a request comes from (Sec-Fetch-Site, Origin); scripts and curl send neither.
    private static string? CrossSite(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site")
            return "Sec-Fetch-Site: a page of another site may not change this engine's data";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return null;
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"Origin: '{origin}' is not this engine ({request.Host}); a page of another site may not change its data";
    }
}
