using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Testbed.ServiceDefaults.Authentication;

/// <summary>An access token got by OAuth2 client credentials (client authenticated by HTTP Basic), kept until shortly before it expires.</summary>
/// <param name="http">The client that calls the token endpoint.</param>
/// <param name="options">The token endpoint and the client's credentials.</param>
/// <param name="time">The clock that tells when the token is due for renewal.</param>
public sealed class ClientCredentialsTokenSource(HttpClient http, TokenClientOptions options, TimeProvider time) : IDisposable
{
    // Renewed this long before it expires, so a request never leaves with a token about to lapse.
    private static readonly TimeSpan RenewBefore = TimeSpan.FromSeconds(60);
    private readonly SemaphoreSlim _renewing = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _current;

    /// <summary>A token valid for a while yet: the kept one, or a new one from the token endpoint.</summary>
    /// <exception cref="HttpRequestException">The token endpoint refused (its error and description are in the message) or could not be reached.</exception>
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_current is { } kept && time.GetUtcNow() < kept.RenewAt)
        {
            return kept.Token;
        }

        await _renewing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is { } renewed && time.GetUtcNow() < renewed.RenewAt)
            {
                return renewed.Token;
            }

            var (token, lifetime) = await RequestAsync(cancellationToken).ConfigureAwait(false);
            var margin = lifetime > RenewBefore * 2 ? RenewBefore : lifetime / 2;
            _current = (token, time.GetUtcNow() + lifetime - margin);
            return token;
        }
        finally
        {
            _renewing.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _renewing.Dispose();

    private async Task<(string Token, TimeSpan Lifetime)> RequestAsync(CancellationToken cancellationToken)
    {
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
        return (token, TimeSpan.FromSeconds(seconds));
    }
}
