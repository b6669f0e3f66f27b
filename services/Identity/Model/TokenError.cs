using System.Text.Json.Serialization;

namespace Testbed.Identity.Model;

/// <summary>A token error response (RFC 6749 5.2).</summary>
/// <param name="Error">invalid_request, invalid_client, invalid_scope or unsupported_grant_type.</param>
/// <param name="ErrorDescription">What was wrong, for a person.</param>
public sealed record TokenError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string ErrorDescription);
