using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Testbed.Identity.Clients;
using Testbed.Identity.Model;

namespace Testbed.Identity.Signing;

/// <summary>The RSA key the issuer signs with: made at start, or read from Identity:SigningKey; its id is the RFC 7638 thumbprint of the public key.</summary>
public sealed class IssuerKey : IDisposable
{
    private readonly RSA _rsa;

    /// <summary>Makes a 2048-bit key, or reads the configured one.</summary>
    public IssuerKey(IOptions<IssuerOptions> options)
    {
        _rsa = RSA.Create();
        if (string.IsNullOrWhiteSpace(options.Value.SigningKey))
        {
            _rsa.KeySize = 2048;
        }
        else
        {
            _rsa.ImportFromPem(options.Value.SigningKey);
        }

        var key = new RsaSecurityKey(_rsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        Credentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256);
        var publicPart = _rsa.ExportParameters(includePrivateParameters: false);
        PublicJwk = new PublicJsonWebKey("RSA", key.KeyId, "sig", SecurityAlgorithms.RsaSha256, Base64UrlEncoder.Encode(publicPart.Modulus), Base64UrlEncoder.Encode(publicPart.Exponent));
    }

    /// <summary>What tokens are signed with (RS256).</summary>
    public SigningCredentials Credentials { get; }

    /// <summary>The public key as the JWKS publishes it.</summary>
    public PublicJsonWebKey PublicJwk { get; }

    /// <inheritdoc />
    public void Dispose() => _rsa.Dispose();
}
