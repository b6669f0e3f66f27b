namespace Testbed.Web.Account;

/// <summary>Where the front gets access tokens: an OAuth2 token endpoint (the local development issuer, or a Cognito user pool's domain) and the front's client.</summary>
public sealed class TokenClientOptions
{
    /// <summary>The configuration section (Auth__TokenEndpoint and so on, set by the AppHost).</summary>
    public const string Section = "Auth";

    /// <summary>The token endpoint, such as http://127.0.0.1:5070/oauth2/token.</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>The front's client id.</summary>
    public string? ClientId { get; set; }

    /// <summary>The front's client secret.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>What the issuer puts before a scope's name: empty locally, the resource server's identifier and a slash on Cognito ("testbed/").</summary>
    public string ScopePrefix { get; set; } = string.Empty;
}
