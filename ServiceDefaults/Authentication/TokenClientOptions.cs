namespace Testbed.ServiceDefaults.Authentication;

/// <summary>How a caller gets its own access token by OAuth2 client credentials (the Auth section: TokenEndpoint, ClientId, ClientSecret; the AppHost's WithTokenClient sets them).</summary>
public sealed class TokenClientOptions
{
    /// <summary>The issuer's token endpoint, such as http://127.0.0.1:5070/oauth2/token or a Cognito domain's /oauth2/token.</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>The OAuth client's id.</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth client's secret.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>What the issuer puts before a scope's name: empty locally, the resource server's identifier and a slash on Cognito ("testbed/").</summary>
    public string ScopePrefix { get; set; } = string.Empty;

    /// <summary>The scopes to ask for, space-separated; empty asks for every scope the client is allowed.</summary>
    public string? Scope { get; set; }
}
