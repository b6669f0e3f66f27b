using System.Net.Http.Headers;

namespace Testbed.ServiceDefaults.Authentication;

/// <summary>Sends every request with the source's access token as its bearer token.</summary>
/// <param name="tokens">Where the token comes from.</param>
public sealed class BearerTokenHandler(ClientCredentialsTokenSource tokens) : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
