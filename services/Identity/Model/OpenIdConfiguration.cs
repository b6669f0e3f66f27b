using System.Text.Json.Serialization;

namespace Testbed.Identity.Model;

/// <summary>The discovery document (/.well-known/openid-configuration) with the fields a Cognito user pool's has that clients of access tokens read.</summary>
/// <param name="Issuer">The issuer URL, equal to the tokens' iss.</param>
/// <param name="JwksUri">Where the public keys are.</param>
/// <param name="TokenEndpoint">Where tokens are had.</param>
/// <param name="ScopesSupported">The scopes clients may be given.</param>
/// <param name="GrantTypesSupported">Only client_credentials.</param>
/// <param name="ResponseTypesSupported">Required by the discovery spec; this issuer has no authorization endpoint.</param>
/// <param name="SubjectTypesSupported">public.</param>
/// <param name="SigningAlgorithms">RS256.</param>
/// <param name="TokenEndpointAuthMethods">client_secret_basic and client_secret_post.</param>
public sealed record OpenIdConfiguration(
    [property: JsonPropertyName("issuer")] string Issuer,
    [property: JsonPropertyName("jwks_uri")] string JwksUri,
    [property: JsonPropertyName("token_endpoint")] string TokenEndpoint,
    [property: JsonPropertyName("scopes_supported")] IReadOnlyList<string> ScopesSupported,
    [property: JsonPropertyName("grant_types_supported")] IReadOnlyList<string> GrantTypesSupported,
    [property: JsonPropertyName("response_types_supported")] IReadOnlyList<string> ResponseTypesSupported,
    [property: JsonPropertyName("subject_types_supported")] IReadOnlyList<string> SubjectTypesSupported,
    [property: JsonPropertyName("id_token_signing_alg_values_supported")] IReadOnlyList<string> SigningAlgorithms,
    [property: JsonPropertyName("token_endpoint_auth_methods_supported")] IReadOnlyList<string> TokenEndpointAuthMethods);
