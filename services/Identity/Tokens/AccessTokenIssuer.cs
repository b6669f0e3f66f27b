using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Testbed.Identity.Clients;
using Testbed.Identity.Signing;

namespace Testbed.Identity.Tokens;

/// <summary>Signs access tokens with the claims a Cognito user pool's client-credentials access token has: iss, sub, client_id, scope, token_use, iat, exp, jti; no aud.</summary>
public sealed class AccessTokenIssuer(IssuerKey key, IOptions<IssuerOptions> options, TimeProvider time)
{
    // Times are set here, as Cognito sets them (no nbf), not by the handler.
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>How long a token is valid.</summary>
    public TimeSpan Lifetime => options.Value.TokenLifetime;

    /// <summary>A signed token for the client with the scopes, issued by <paramref name="issuer"/>.</summary>
    public string Issue(string issuer, string clientId, IReadOnlyList<string> scopes)
    {
        var now = time.GetUtcNow();
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            IssuedAt = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            SigningCredentials = key.Credentials,
            Claims = new Dictionary<string, object>
            {
                ["sub"] = clientId,
                ["client_id"] = clientId,
                ["scope"] = string.Join(' ', scopes),
                ["token_use"] = "access",
                ["auth_time"] = now.ToUnixTimeSeconds(),
                ["jti"] = Guid.NewGuid().ToString(),
            },
        });
    }
}
