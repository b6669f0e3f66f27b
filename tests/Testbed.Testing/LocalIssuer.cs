using Testbed.ServiceDefaults.Authentication;

namespace Testbed.Testing;

/// <summary>The local development issuer's clients (services/Identity/appsettings.json), and HTTP clients that get their tokens from it by client credentials, as a user's client would.</summary>
public static class LocalIssuer
{
    /// <summary>The client allowed every scope, and the audience the services require.</summary>
    public static readonly (string Id, string Secret) FullAccess = ("testbed", "testbed-local-secret");

    /// <summary>Another application's client, allowed events:read only: its tokens are not for the services' audience.</summary>
    public static readonly (string Id, string Secret) OtherApp = ("other-app", "other-app-local-secret");

    /// <summary>The token endpoint of the issuer at <paramref name="identity"/>.</summary>
    public static Uri TokenEndpoint(Uri identity) => new(identity, "/oauth2/token");

    /// <summary>A token source for a client of the issuer at <paramref name="identity"/>, calling the token endpoint with <paramref name="tokenHttp"/>.</summary>
    /// <param name="identity">The issuer's base URL.</param>
    /// <param name="client">The client's id and secret.</param>
    /// <param name="tokenHttp">The HTTP client for the token endpoint.</param>
    /// <param name="scope">The scopes to ask for (space-separated); null for all the client is allowed.</param>
    public static ClientCredentialsTokenSource Tokens(Uri identity, (string Id, string Secret) client, HttpClient tokenHttp, string? scope = null) =>
        new(tokenHttp, new TokenClientOptions { TokenEndpoint = TokenEndpoint(identity), ClientId = client.Id, ClientSecret = client.Secret, Scope = scope }, TimeProvider.System);

    /// <summary>An HTTP client on <paramref name="baseAddress"/> that sends the source's token with every request.</summary>
    public static HttpClient Client(Uri baseAddress, ClientCredentialsTokenSource tokens) =>
        new(new BearerTokenHandler(tokens) { InnerHandler = new SocketsHttpHandler() })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>A token for the client, as its own string (for tests that send it by hand); <paramref name="scope"/> narrows it, null asks for all the client is allowed.</summary>
    public static async Task<string> TokenAsync(Uri identity, (string Id, string Secret) client, CancellationToken cancellationToken, string? scope = null)
    {
        using var http = new HttpClient();
        using var tokens = Tokens(identity, client, http, scope);
        return await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
    }
}
