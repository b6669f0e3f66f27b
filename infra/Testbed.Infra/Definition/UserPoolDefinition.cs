namespace Testbed.Infra.Definition;

/// <summary>The Cognito user pool that issues the services' access tokens on AWS: its domain, the resource server with the scopes, and the app client that gets tokens by client credentials.</summary>
/// <param name="Name">The user pool's name.</param>
/// <param name="DomainPrefix">The hosted domain's prefix: the token endpoint is https://{prefix}.auth.{region}.amazoncognito.com/oauth2/token (unique in the region).</param>
/// <param name="ResourceServer">The resource server's identifier; Cognito names scopes {identifier}/{scope}.</param>
/// <param name="Scopes">The resource server's scopes, with what each allows.</param>
/// <param name="ClientName">The app client's name.</param>
/// <param name="AccessTokenMinutes">How long an access token is valid.</param>
public sealed record UserPoolDefinition(
    string Name,
    string DomainPrefix,
    string ResourceServer,
    IReadOnlyDictionary<string, string> Scopes,
    string ClientName,
    int AccessTokenMinutes)
{
    /// <summary>The scopes as the app client is allowed them and the tokens carry them (testbed/events:read).</summary>
    public IReadOnlyList<string> ClientScopes => [.. Scopes.Keys.Select(s => $"{ResourceServer}/{s}")];

    /// <summary>The pool of the pipeline with <paramref name="prefix"/>; the scopes are the ones the services check (events:read, events:write).</summary>
    public static UserPoolDefinition For(string prefix) => new(
        $"{prefix}-users",
        $"{prefix}-auth",
        "testbed",
        new Dictionary<string, string>
        {
            ["events:read"] = "Read events, aggregates, dataset rows and statistics, and the pipeline status.",
            ["events:write"] = "Put events and dataset files on the stream; edit and delete stored events.",
        },
        $"{prefix}-client",
        60);
}
