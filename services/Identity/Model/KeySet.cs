using System.Text.Json.Serialization;

namespace Testbed.Identity.Model;

/// <summary>The JWKS document: the keys tokens may be signed with.</summary>
/// <param name="Keys">The public keys.</param>
public sealed record KeySet([property: JsonPropertyName("keys")] IReadOnlyList<PublicJsonWebKey> Keys);
