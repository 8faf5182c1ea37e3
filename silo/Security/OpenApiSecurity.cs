using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace QmInsights.Silo.Security;

/// <summary>The OpenAPI document says how to authenticate (HTTP bearer) and, on every operation, which roles may
/// call it, straight from the endpoint's policy.</summary>
public static class OpenApiSecurity
{
    public static void Add(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerTokenHandler.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The admin token configured as Auth:AdminToken, or a token issued by POST /api/auth/tokens.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerTokenHandler.SchemeName, document)] = [] });
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var policies = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>()
                .Select(a => a.Policy).OfType<string>().Where(Policies.Table.ContainsKey).Distinct().ToList();
            if (policies.Count > 0)
                operation.Description = $"{operation.Description}\n\nAuthorization: {string.Join("; ", policies.Select(p => $"{p} ({Policies.Describe(p)})"))}.".TrimStart();
            return Task.CompletedTask;
        });
    }
}
