using System.Text.Json.Serialization;

namespace Testbed.Identity.Model;

/// <summary>A public RSA key as a JSON Web Key (RFC 7517), the only kind the JWKS holds.</summary>
/// <param name="Kty">The key type, RSA.</param>
/// <param name="Kid">The key id tokens name in their header.</param>
/// <param name="Use">What the key is for: sig.</param>
/// <param name="Alg">The algorithm: RS256.</param>
/// <param name="N">The modulus, base64url.</param>
/// <param name="E">The exponent, base64url.</param>
public sealed record PublicJsonWebKey(
    [property: JsonPropertyName("kty")] string Kty,
    [property: JsonPropertyName("kid")] string Kid,
    [property: JsonPropertyName("use")] string Use,
    [property: JsonPropertyName("alg")] string Alg,
    [property: JsonPropertyName("n")] string N,
    [property: JsonPropertyName("e")] string E);
