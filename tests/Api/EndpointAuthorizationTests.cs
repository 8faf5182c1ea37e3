using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using QmInsights.Silo.Hosting;

namespace QmInsights.Tests.Api;

/// <summary>Every endpoint the host maps carries an authorization policy that exists, or is one of the few that
/// are meant to be anonymous. A new endpoint without a policy fails here (and is admin-only at run time).</summary>
public sealed class EndpointAuthorizationTests
{
    private static readonly HashSet<string> Anonymous = ["/health"];

    [Fact]
    public async Task Every_endpoint_has_a_known_policy_or_is_listed_as_anonymous()
    {
        await using var app = QmHost.Build([.. FreePorts.LocalHostArgs(), "--Auth:AdminToken=x"]);
        // The app's own data sources: the DI composite is only filled when the pipeline is built at start.
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();
        var policies = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/agents/{agentId}/summary");
        Assert.Contains(endpoints, e => e.RoutePattern.RawText!.StartsWith("/dashboard", StringComparison.Ordinal));

        var problems = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var route = $"{string.Join(",", endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])} {endpoint.RoutePattern.RawText}";
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            if (anonymous != Anonymous.Contains(endpoint.RoutePattern.RawText!))
                problems.Add(anonymous ? $"{route} allows anonymous access but is not listed as anonymous" : $"{route} is listed as anonymous but is not");
            if (!anonymous && authorize.Count == 0) problems.Add($"{route} has no authorization metadata");
            foreach (var policy in authorize.Select(a => a.Policy))
                if (policy is null || await policies.GetPolicyAsync(policy) is null)
                    problems.Add($"{route} names policy '{policy}', which is not defined in Policies");
        }
        Assert.Empty(problems);
    }
}
