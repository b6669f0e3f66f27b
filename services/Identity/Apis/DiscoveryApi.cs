using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Testbed.Identity.Clients;
using Testbed.Identity.Model;
using Testbed.Identity.Signing;

namespace Testbed.Identity.Apis;

/// <summary>GET /.well-known/openid-configuration and /.well-known/jwks.json, at the paths a Cognito user pool serves them.</summary>
public static class DiscoveryApi
{
    /// <summary>The token endpoint's path under the issuer, as on a Cognito domain.</summary>
    public const string TokenPath = "/oauth2/token";

    private const string JwksPath = "/.well-known/jwks.json";

    /// <summary>Maps the discovery document and the key set.</summary>
    public static IEndpointRouteBuilder MapDiscoveryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/openid-configuration", GetConfiguration).WithTags("Discovery").WithName("GetOpenIdConfiguration")
            .WithSummary("The issuer's discovery document")
            .WithDescription("The issuer URL (the tokens' iss), where its public keys and its token endpoint are, and the scopes it grants.");
        app.MapGet(JwksPath, GetKeys).WithTags("Discovery").WithName("GetKeySet")
            .WithSummary("The public keys tokens are signed with")
            .WithDescription("A JSON Web Key Set with the one RSA key of this run (RS256).");
        return app;
    }

    /// <summary>The discovery document.</summary>
    public static Ok<OpenIdConfiguration> GetConfiguration(HttpRequest request, IOptions<IssuerOptions> options)
    {
        var issuer = IssuerUrl.Of(request, options);
        var scopes = options.Value.Clients.Values.SelectMany(c => c.AllowedScopes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new OpenIdConfiguration(
            issuer,
            issuer + JwksPath,
            issuer + TokenPath,
            scopes,
            ["client_credentials"],
            ["token"],
            ["public"],
            ["RS256"],
            ["client_secret_basic", "client_secret_post"]));
    }

    /// <summary>The key set.</summary>
    public static Ok<KeySet> GetKeys(IssuerKey key) => TypedResults.Ok(new KeySet([key.PublicJwk]));
}
