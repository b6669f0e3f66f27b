using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Testbed.ServiceDefaults.Authentication;

namespace Testbed.ServiceDefaults.OpenApi;

/// <summary>
/// Declares who may call what: an operation behind a scope requires the OAuth2 client-credentials scheme with that scope and
/// describes its 401 and 403; every other operation says it is open (security: []); the document carries the scheme once one needs it.
/// </summary>
internal sealed class SecurityTransformer : IOpenApiOperationTransformer, IOpenApiDocumentTransformer
{
    /// <summary>The security scheme's name in components.securitySchemes.</summary>
    public const string SchemeName = "oauth2";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var scopes = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>()
            .Select(a => a.Policy).OfType<string>().Where(AccessScopes.All.ContainsKey).Distinct().ToList();
        if (scopes.Count == 0)
        {
            operation.Security = [];
            return Task.CompletedTask;
        }

        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = scopes }];
        if (operation.Responses?.TryGetValue("401", out var unauthorized) == true && unauthorized is OpenApiResponse missing)
        {
            missing.Description = "No bearer token, or one that is expired, badly signed, or from another issuer or for another audience; the problem's detail says which.";
        }

        if (operation.Responses?.TryGetValue("403", out var forbidden) == true && forbidden is OpenApiResponse lacking)
        {
            lacking.Description = $"The token is valid but does not grant {string.Join(" and ", scopes)}; the problem names the scope needed and the scopes the token has.";
        }

        return Task.CompletedTask;
    }

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var secured = document.Paths?.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()).Any(o => o.Security is { Count: > 0 }) ?? false;
        if (!secured)
        {
            return;
        }

        var auth = context.ApplicationServices.GetRequiredService<IOptions<TokenAuthenticationOptions>>().Value;
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = $"A bearer access token from {auth.NormalizedIssuer} for the audience '{auth.Audience}', got by OAuth2 client credentials. "
                + "On AWS the issuer is a Cognito user pool and the scopes carry its resource server's name (testbed/events:read); either form is accepted.",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow
                {
                    TokenUrl = await TokenEndpointAsync(context, auth, cancellationToken).ConfigureAwait(false),
                    Scopes = AccessScopes.All.ToDictionary(),
                },
            },
        };
    }

    // The issuer's metadata names its token endpoint; the local issuer's path is the fallback while the metadata cannot be read.
    private static async Task<Uri> TokenEndpointAsync(OpenApiDocumentTransformerContext context, TokenAuthenticationOptions auth, CancellationToken cancellationToken)
    {
        var jwt = context.ApplicationServices.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        try
        {
            if (jwt.ConfigurationManager is { } metadata
                && (await metadata.GetConfigurationAsync(cancellationToken).ConfigureAwait(false)).TokenEndpoint is { Length: > 0 } endpoint)
            {
                return new Uri(endpoint);
            }
        }
        catch (Exception error) when (error is InvalidOperationException or HttpRequestException or IOException)
        {
        }

        return new Uri(auth.NormalizedIssuer + "/oauth2/token");
    }
}
