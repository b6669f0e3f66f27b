namespace Testbed.ServiceDefaults.Authentication;

/// <summary>Whose bearer tokens a service accepts (the Auth section): the issuer URL and the audience, nothing else, locally and on AWS alike.</summary>
public sealed class TokenAuthenticationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Auth";

    /// <summary>The issuer's URL, equal to the tokens' iss; its metadata is at {Issuer}/.well-known/openid-configuration (a Cognito user pool: https://cognito-idp.{region}.amazonaws.com/{poolId}).</summary>
    public string? Issuer { get; set; }

    /// <summary>Who the tokens must be for: in their aud, or, for a token without aud (a Cognito access token), their client_id.</summary>
    public string? Audience { get; set; }

    /// <summary>How far a token's times may be off the service's clock; small, so an expired token is refused promptly.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The issuer without a trailing slash, as the tokens carry it.</summary>
    public string NormalizedIssuer => (Issuer ?? string.Empty).TrimEnd('/');
}
