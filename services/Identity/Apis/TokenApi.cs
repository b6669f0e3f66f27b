using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Testbed.Identity.Clients;
using Testbed.Identity.Model;
using Testbed.Identity.Tokens;

namespace Testbed.Identity.Apis;

/// <summary>POST /oauth2/token: OAuth2 client credentials (RFC 6749 4.4), as a Cognito user pool's domain answers it.</summary>
public static class TokenApi
{
    private const string FormMediaType = "application/x-www-form-urlencoded";

    /// <summary>Maps the token endpoint.</summary>
    public static IEndpointRouteBuilder MapTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(DiscoveryApi.TokenPath, IssueAsync).WithTags("Tokens").WithName("IssueToken")
            .WithSummary("Get an access token by client credentials")
            .WithDescription("Form fields grant_type=client_credentials and, optionally, scope (space-separated; all the client's scopes when left out). "
                + "The client authenticates with HTTP Basic (client id and secret) or the form's client_id and client_secret.")
            .Produces<TokenError>(StatusCodes.Status400BadRequest)
            .Produces<TokenError>(StatusCodes.Status401Unauthorized);
        return app;
    }

    /// <summary>Issues a token, or answers an RFC 6749 error: invalid_request, invalid_client (401), unsupported_grant_type or invalid_scope.</summary>
    public static async Task<Results<Ok<TokenAnswer>, JsonHttpResult<TokenError>>> IssueAsync(
        HttpRequest request,
        IOptions<IssuerOptions> options,
        AccessTokenIssuer issuer,
        CancellationToken cancellationToken)
    {
        // RFC 6749 5.1 and 5.2: token answers are never cached.
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        request.HttpContext.Response.Headers.Pragma = "no-cache";
        if (!request.HasFormContentType)
        {
            return Error("invalid_request", $"A token request is a form: Content-Type {FormMediaType}, with grant_type=client_credentials.");
        }

        var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var (clientId, secret) = CredentialsOf(request, form);
        if (clientId is null || secret is null)
        {
            return Unauthorized(request, "No client credentials: send the client id and secret by HTTP Basic, or as client_id and client_secret in the form.");
        }

        if (!options.Value.Clients.TryGetValue(clientId, out var client) || !SameSecret(client.Secret, secret))
        {
            return Unauthorized(request, $"Client '{clientId}' is unknown or its secret is wrong.");
        }

        var grant = form["grant_type"].ToString();
        if (grant.Length == 0)
        {
            return Error("invalid_request", "grant_type is missing; this issuer grants client_credentials.");
        }

        if (grant != "client_credentials")
        {
            return Error("unsupported_grant_type", $"grant_type '{grant}' is not supported; this issuer grants client_credentials only.");
        }

        var asked = form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var refused = asked.Where(s => !client.AllowedScopes.Contains(s, StringComparer.Ordinal)).ToList();
        if (refused.Count > 0)
        {
            return Error("invalid_scope", $"Client '{clientId}' may not have {string.Join(", ", refused.Select(s => $"'{s}'"))}; it is allowed: {string.Join(' ', client.AllowedScopes)}.");
        }

        var scopes = asked.Length > 0 ? asked.Distinct(StringComparer.Ordinal).ToList() : client.AllowedScopes;
        var token = issuer.Issue(IssuerUrl.Of(request, options), clientId, scopes);
        return TypedResults.Ok(new TokenAnswer(token, "Bearer", (long)issuer.Lifetime.TotalSeconds));
    }

    // HTTP Basic first (RFC 6749 2.3.1: id and secret form-encoded, then joined), else the form's fields.
    private static (string? ClientId, string? Secret) CredentialsOf(HttpRequest request, IFormCollection form)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            && header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase)
            && header.Parameter is { } encoded)
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            }
            catch (FormatException)
            {
                return (null, null);
            }

            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (null, null) : (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
        }

        var id = form["client_id"].ToString();
        var secret = form["client_secret"].ToString();
        return (id.Length == 0 ? null : id, secret.Length == 0 ? null : secret);
    }

    private static bool SameSecret(string expected, string given) =>
        expected.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));

    private static JsonHttpResult<TokenError> Error(string error, string description) =>
        TypedResults.Json(new TokenError(error, description), statusCode: StatusCodes.Status400BadRequest);

    private static JsonHttpResult<TokenError> Unauthorized(HttpRequest request, string description)
    {
        // RFC 6749 5.2: 401 with the scheme to authenticate by, for the form's credentials too.
        request.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"testbed-identity\"";
        return TypedResults.Json(new TokenError("invalid_client", description), statusCode: StatusCodes.Status401Unauthorized);
    }
}
