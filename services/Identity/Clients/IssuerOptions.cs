namespace Testbed.Identity.Clients;

/// <summary>The issuer's settings (the Identity section): its own URL, token lifetime, signing key and clients.</summary>
public sealed class IssuerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Identity";

    /// <summary>The issuer URL the tokens carry as iss and the services are configured with (the AppHost sets it to this resource's endpoint); empty: the request's own base URL.</summary>
    public string? Issuer { get; set; }

    /// <summary>How long an access token is valid (Cognito's default: one hour).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>An RSA private key in PEM to sign with, so tokens outlive a restart or a test can mint its own; empty: a key made at start.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The clients by client id.</summary>
    public Dictionary<string, ClientOptions> Clients { get; set; } = new(StringComparer.Ordinal);
}
