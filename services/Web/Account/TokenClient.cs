using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Testbed.Web.Account;

/// <summary>Gets access tokens by OAuth2 client credentials (RFC 6749 §4.4), as on a Cognito user pool's /oauth2/token.</summary>
public sealed class TokenClient(HttpClient http, IOptions<TokenClientOptions> options, TimeProvider time)
{
    /// <summary>Asks for a token with the given scopes; throws <see cref="SignInException"/> with the issuer's reason when it refuses or cannot be reached.</summary>
    public async Task<AccessToken> RequestAsync(IEnumerable<string> scopes, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.TokenEndpoint is null || string.IsNullOrEmpty(settings.ClientId))
        {
            throw new SignInException("The front has no token endpoint: set Auth__TokenEndpoint, Auth__ClientId and Auth__ClientSecret (the AppHost sets them).");
        }

        var scope = string.Join(' ', scopes.Select(s => settings.ScopePrefix + s));
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = scope }),
        };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(settings.ClientId)}:{Uri.EscapeDataString(settings.ClientSecret ?? string.Empty)}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new SignInException($"The issuer at {settings.TokenEndpoint} cannot be reached: {e.Message}");
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var json = TryParse(body);
            var root = json?.RootElement;
            if (!response.IsSuccessStatusCode || root is not { ValueKind: JsonValueKind.Object } answer || !answer.TryGetProperty("access_token", out var token))
            {
                var error = root is { ValueKind: JsonValueKind.Object } refusal && refusal.TryGetProperty("error", out var code) ? code.ToString() : body;
                var description = root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("error_description", out var text) ? $": {text}" : string.Empty;
                throw new SignInException($"The issuer refused ({(int)response.StatusCode} {error}{description}).");
            }

            var lifetime = answer.TryGetProperty("expires_in", out var seconds) && seconds.TryGetInt32(out var s) ? s : 3600;
            var granted = answer.TryGetProperty("scope", out var grantedScope) ? grantedScope.GetString() ?? scope : scope;
            return new AccessToken(token.GetString() ?? string.Empty, granted, time.GetUtcNow().AddSeconds(lifetime));
        }
    }

    private static JsonDocument? TryParse(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
