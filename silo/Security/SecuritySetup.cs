using Microsoft.AspNetCore.Authorization;
using Npgsql;
using QmInsights.Silo.Audit;

namespace QmInsights.Silo.Security;

/// <summary>Bearer tokens, role policies and the audit trail, registered and placed in the pipeline.</summary>
public static class SecuritySetup
{
    public static WebApplicationBuilder AddQmSecurity(this WebApplicationBuilder builder)
    {
        // Every refused request would log two lines at Information; the answers say why already.
        builder.Logging.AddFilter(typeof(BearerTokenHandler).FullName, LogLevel.Warning);
        builder.Services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<BearerTokenOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName,
                o =>
                {
                    o.AdminToken = builder.Configuration["Auth:AdminToken"];
                    o.TokenLifetime = TokenLifetime(builder.Configuration["Auth:TokenLifetimeDays"]);
                });
        builder.Services.AddAuthorization(Policies.Add);
        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", OpenApiSecurity.Add);
        builder.Services.AddSingleton<IAuthorizationHandler, ScopeHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        // PostgreSQL mode registers a data source: the trail goes to its qm_audit table; Azure mode registers its account:
        // append blobs; else it stays in process.
        builder.Services.AddSingleton<IAuditStore>(sp => sp.GetService<NpgsqlDataSource>() is { } db ? new PostgresAuditStore(db)
            : sp.GetService<QmInsights.Storage.Azure.AzureStorageAccount>() is { } account ? new AzureAuditStore(account)
            : new MemoryAuditStore(sp.GetRequiredService<ILogger<MemoryAuditStore>>()));
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AuditTrail>());
        builder.Services.AddSingleton<QmInsights.Domain.Access.IAuditRecorder>(sp => sp.GetRequiredService<AuditTrail>());
        builder.Services.AddHealthChecks().AddCheck<AuditHealthCheck>("audit");
        return builder;
    }

    /// <summary>Days an issued token is valid: default 90, <c>0</c> for tokens that never expire.</summary>
    private static TimeSpan? TokenLifetime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return TimeSpan.FromDays(90);
        if (!int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var days) || days < 0)
            throw new FormatException($"Auth:TokenLifetimeDays: '{text}' must be a whole number of days (0: tokens never expire)");
        return days == 0 ? null : TimeSpan.FromDays(days);
    }

    public static void UseQmSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuditTrail();
        app.UseAuthorization();
    }
}
