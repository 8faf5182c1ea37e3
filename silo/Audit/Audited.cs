using System.Collections.Immutable;
using QmInsights.Domain.Access;
using QmInsights.Silo.Security;

namespace QmInsights.Silo.Audit;

/// <summary>Endpoint metadata: requests to this endpoint are written to the audit trail as <see cref="Action"/>,
/// whatever their outcome (refusals included).</summary>
public sealed record Audited(string Action);

public static class AuditExtensions
{
    private const string AgentsKey = "qm.audit.agents";
    private const string DetailKey = "qm.audit.detail";

    /// <summary>Marks the endpoint as touching agents' personal data or access to it.</summary>
    public static TBuilder Audited<TBuilder>(this TBuilder builder, string action) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Audited(action));

    /// <summary>Agents the request concerns beyond the route's agentId (e.g. those named in an ingested batch).</summary>
    public static void AuditAgents(this HttpContext context, IEnumerable<string> agentIds)
    {
        var set = context.Items[AgentsKey] as HashSet<string> ?? [];
        set.UnionWith(agentIds);
        context.Items[AgentsKey] = set;
    }

    public static void AuditDetail(this HttpContext context, string detail) => context.Items[DetailKey] = detail;

    /// <summary>Writes an audit entry for every request to an <see cref="Audited"/> endpoint once it is answered.
    /// Placed between authentication and authorization, so refused requests are recorded too.</summary>
    public static void UseAuditTrail(this WebApplication app)
    {
        var trail = app.Services.GetRequiredService<AuditTrail>();
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<Audited>() is not { } audited)
            {
                await next(context);
                return;
            }
            var status = 500;
            try
            {
                await next(context);
                status = context.Response.StatusCode;
            }
            finally
            {
                await trail.Record(Entry(context, audited.Action, status));
            }
        });
    }

    /// <summary>The query string without <c>access_token</c> (an EventSource token is a secret); every other parameter
    /// is kept, since it says what was read.</summary>
    public static QueryString WithoutToken(IQueryCollection query) =>
        QueryString.Create(query.Where(p => !p.Key.Equals("access_token", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v))));

    private static AuditEntry Entry(HttpContext context, string action, int status)
    {
        var caller = context.User.Caller();
        var agents = context.Items[AgentsKey] as HashSet<string> ?? [];
        if (context.Request.RouteValues["agentId"] is string agentId) agents.Add(agentId);
        return new AuditEntry(DateTimeOffset.UtcNow, caller?.Name ?? "(no valid token)", caller is null ? "none" : Roles.Name(caller.Role),
            caller?.TokenId, context.Connection.RemoteIpAddress?.ToString(), action, context.Request.Method,
            context.Request.Path + WithoutToken(context.Request.Query), agents.Order(StringComparer.Ordinal).ToImmutableArray(), status,
            context.Items[DetailKey] as string);
    }
}
