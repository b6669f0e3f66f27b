using System.Text.Json.Serialization;

namespace Testbed.Identity.Model;

/// <summary>A successful token response (RFC 6749 5.1).</summary>
/// <param name="AccessToken">The signed JWT.</param>
/// <param name="TokenType">Bearer.</param>
/// <param name="ExpiresIn">Seconds until it expires.</param>
public sealed record TokenAnswer(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] long ExpiresIn);
