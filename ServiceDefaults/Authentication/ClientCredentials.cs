using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Testbed.ServiceDefaults.Authentication;

/// <summary>The OAuth2 client-credentials grant (RFC 6749 §4.4) with the client authenticated by HTTP Basic, as a Cognito user pool's /oauth2/token and the local identity take it.</summary>
public static class ClientCredentials
{
    /// <summary>Asks the token endpoint for a token with <see cref="TokenClientOptions.Scope"/> (every scope the client may have when empty).</summary>
    /// <exception cref="InvalidOperationException">The options lack the endpoint, the id or the secret.</exception>
    /// <exception cref="HttpRequestException">The token endpoint refused (its error and description are in the message) or could not be reached.</exception>
    public static async Task<GrantedToken> RequestAsync(HttpClient http, TokenClientOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.TokenEndpoint ?? throw new InvalidOperationException("Auth:TokenEndpoint is not set: the token endpoint to get an access token from (OAuth2 client credentials).");
        if (string.IsNullOrEmpty(options.ClientId) || string.IsNullOrEmpty(options.ClientSecret))
        {
            throw new InvalidOperationException("Auth:ClientId and Auth:ClientSecret are needed to get an access token by client credentials.");
        }

        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (!string.IsNullOrWhiteSpace(options.Scope))
        {
            form["scope"] = options.Scope;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(form) };
        // RFC 6749 2.3.1: the id and secret are form-encoded before they are joined for Basic.
        var credentials = $"{Uri.EscapeDataString(options.ClientId)}:{Uri.EscapeDataString(options.ClientSecret)}";
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The token endpoint {endpoint} refused client '{options.ClientId}': {(int)response.StatusCode} {text}", null, response.StatusCode);
        }

        using var answer = JsonDocument.Parse(text);
        var root = answer.RootElement;
        var token = root.TryGetProperty("access_token", out var accessToken) ? accessToken.GetString() : null;
        if (string.IsNullOrEmpty(token))
        {
            throw new HttpRequestException($"The token endpoint {endpoint} answered without an access_token: {text}");
        }

        var seconds = root.TryGetProperty("expires_in", out var expiresIn) && expiresIn.TryGetInt32(out var s) && s > 0 ? s : 300;
        // RFC 6749 5.1: an answer without "scope" grants what was asked for.
        var scope = root.TryGetProperty("scope", out var granted) && granted.GetString() is { Length: > 0 } g ? g : options.Scope ?? string.Empty;
        return new GrantedToken(token, TimeSpan.FromSeconds(seconds), scope);
    }
}
