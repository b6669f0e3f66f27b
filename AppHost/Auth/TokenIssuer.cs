namespace Testbed.AppHost.Auth;

/// <summary>
/// Who issues the services' bearer tokens: the local identity resource (Embedded and LocalStack modes) or a Cognito user pool (Aws mode).
/// Values are text, an endpoint reference, a reference expression or a parameter, resolved when a resource starts.
/// </summary>
/// <param name="issuer">The issuer URL, the tokens' iss.</param>
/// <param name="audience">The audience the services require.</param>
/// <param name="resource">The identity resource to wait for; null on AWS.</param>
public sealed class TokenIssuer(object issuer, object audience, IResourceBuilder<ProjectResource>? resource)
{
    /// <summary>The issuer URL: what the services get as Auth__Issuer.</summary>
    public object Issuer { get; } = issuer;

    /// <summary>The audience: what the services get as Auth__Audience.</summary>
    public object Audience { get; } = audience;

    /// <summary>The local identity resource, which users of the issuer wait for; null when the issuer is Cognito.</summary>
    public IResourceBuilder<ProjectResource>? Resource { get; } = resource;

    /// <summary>The token endpoint callers get tokens from (client credentials); null when not configured.</summary>
    public object? TokenEndpoint { get; init; }

    /// <summary>The OAuth client callers use; null when not configured.</summary>
    public object? ClientId { get; init; }

    /// <summary>That client's secret; null when not configured.</summary>
    public object? ClientSecret { get; init; }

    /// <summary>What the issuer puts before a scope's name: empty locally, the resource server's identifier and a slash on Cognito ("testbed/").</summary>
    public string ScopePrefix { get; init; } = string.Empty;
}
