using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Testbed.Pipeline.Tests.Auth;

/// <summary>Makes access tokens shaped like the identity's (and Cognito's), signed with the stack's key unless a test says otherwise.</summary>
/// <param name="trusted">The stack identity's signing key, with its key id.</param>
/// <param name="issuer">The stack identity's issuer URL.</param>
public sealed class TokenMint(RsaSecurityKey trusted, string issuer)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>The issuer the services accept.</summary>
    public string Issuer { get; } = issuer;

    /// <summary>A token; each argument left out is as the identity would issue it for the client with every scope.</summary>
    public string Token(
        string? issuer = null,
        string clientId = "testbed",
        string scope = "events:read events:write",
        string? audience = null,
        string tokenUse = "access",
        DateTimeOffset? expires = null,
        bool foreignKey = false)
    {
        var now = DateTimeOffset.UtcNow;
        var expiry = expires ?? now.AddHours(1);
        using var foreign = foreignKey ? RSA.Create(2048) : null;
        // A foreign key under the trusted key's id: a forgery, not merely an unknown key.
        var key = foreign is null ? trusted : new RsaSecurityKey(foreign) { KeyId = trusted.KeyId };
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            IssuedAt = expiry.AddHours(-1).UtcDateTime,
            Expires = expiry.UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = clientId,
                ["client_id"] = clientId,
                ["scope"] = scope,
                ["token_use"] = tokenUse,
                ["jti"] = Guid.NewGuid().ToString(),
            },
        });
    }
}
