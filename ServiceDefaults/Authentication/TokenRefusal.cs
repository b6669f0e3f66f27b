using System.Globalization;
using Microsoft.IdentityModel.Tokens;

namespace Testbed.ServiceDefaults.Authentication;

/// <summary>Why a request's bearer token was refused, in a word for programs (<see cref="Reason"/>) and a sentence for people (<see cref="Detail"/>).</summary>
/// <param name="Reason">missing, expired, not-yet-valid, signature, audience, issuer, token-use, malformed or invalid.</param>
/// <param name="Detail">What was wrong and what to do about it.</param>
public sealed record TokenRefusal(string Reason, string Detail)
{
    /// <summary>The refusal for a request without a token (<paramref name="failure"/> null) or one whose token failed validation.</summary>
    /// <param name="failure">What validation threw; null when no bearer token came.</param>
    /// <param name="options">The issuer and audience the service accepts.</param>
    /// <param name="tokenEndpoint">Where a token is had, when the issuer's metadata could be read.</param>
    /// <param name="now">The service's clock, for saying how long ago a token expired.</param>
    public static TokenRefusal Of(Exception? failure, TokenAuthenticationOptions options, string? tokenEndpoint, DateTimeOffset now)
    {
        var getOne = tokenEndpoint is null
            ? $"get one from the token endpoint of {options.NormalizedIssuer}/.well-known/openid-configuration (OAuth2 client credentials)"
            : $"get one from {tokenEndpoint} (OAuth2 client credentials)";
        return failure switch
        {
            null => new("missing", $"No bearer token: send 'Authorization: Bearer <access token>'; {getOne}."),
            SecurityTokenExpiredException expired => new(
                "expired",
                string.Create(CultureInfo.InvariantCulture, $"The token expired at {expired.Expires:yyyy-MM-ddTHH:mm:ssZ} ({(now - expired.Expires).TotalSeconds:0} s ago; {options.ClockSkew.TotalSeconds:0} s of clock skew allowed); {getOne}.")),
            SecurityTokenNotYetValidException early => new(
                "not-yet-valid",
                string.Create(CultureInfo.InvariantCulture, $"The token is not valid before {early.NotBefore:yyyy-MM-ddTHH:mm:ssZ}; check the clocks of the issuer and this service.")),
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => new(
                "signature",
                $"The token's signature does not verify with any key {options.NormalizedIssuer} publishes: it was signed by someone else, or altered; {getOne}."),
            SecurityTokenInvalidAudienceException audience => new(
                "audience",
                $"The token is for {(string.IsNullOrEmpty(audience.InvalidAudience) ? "another client" : $"'{audience.InvalidAudience}'")}, not for '{options.Audience}' (its aud, or without one its client_id, must be '{options.Audience}'); get a token for that client."),
            SecurityTokenInvalidIssuerException issuer => new(
                "issuer",
                $"The token was issued by '{issuer.InvalidIssuer}'; this service accepts tokens from '{options.NormalizedIssuer}' only; {getOne}."),
            TokenUseException use => new("token-use", use.Message),
            SecurityTokenMalformedException or ArgumentException => new("malformed", "The bearer token is not a JSON Web Token (three base64url parts: header, payload, signature)."),
            _ => new("invalid", $"The token was refused: {failure.Message}"),
        };
    }
}
