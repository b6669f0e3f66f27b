using Microsoft.Extensions.Options;
using Testbed.ServiceDefaults.Authentication;

namespace Testbed.Web.Account;

/// <summary>Gets the signed-in person's access token by client credentials with the scopes they chose, from the Auth settings the AppHost hands over.</summary>
public sealed class TokenClient(HttpClient http, IOptions<TokenClientOptions> options, TimeProvider time)
{
    /// <summary>Asks for a token with the given scopes; throws <see cref="SignInException"/> with the issuer's reason when it refuses or cannot be reached.</summary>
    public async Task<AccessToken> RequestAsync(IEnumerable<string> scopes, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var asked = new TokenClientOptions
        {
            TokenEndpoint = settings.TokenEndpoint,
            ClientId = settings.ClientId,
            ClientSecret = settings.ClientSecret,
            Scope = string.Join(' ', scopes.Select(s => settings.ScopePrefix + s)),
        };
        try
        {
            var granted = await ClientCredentials.RequestAsync(http, asked, cancellationToken).ConfigureAwait(false);
            return new AccessToken(granted.Token, granted.Scope, time.GetUtcNow() + granted.Lifetime);
        }
        catch (InvalidOperationException e)
        {
            throw new SignInException($"The front has no token client: {e.Message} The AppHost sets Auth__TokenEndpoint, Auth__ClientId and Auth__ClientSecret.");
        }
        catch (HttpRequestException e)
        {
            throw new SignInException(e.Message);
        }
    }
}
