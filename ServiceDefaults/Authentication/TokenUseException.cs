using Microsoft.IdentityModel.Tokens;

namespace Testbed.ServiceDefaults.Authentication;

/// <summary>A token that verifies but is not an access token (a Cognito ID token says token_use "id").</summary>
/// <param name="message">What the token is and what to send instead.</param>
public sealed class TokenUseException(string message) : SecurityTokenValidationException(message);
