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
    /// <exception cref="HttpRequestException">The token endpoint refused or could not be reached (see <see cref="ClientCredentials.RequestAsync"/>).</exception>
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

            var granted = await ClientCredentials.RequestAsync(http, options, cancellationToken).ConfigureAwait(false);
            var margin = granted.Lifetime > RenewBefore * 2 ? RenewBefore : granted.Lifetime / 2;
            _current = (granted.Token, time.GetUtcNow() + granted.Lifetime - margin);
            return granted.Token;
        }
        finally
        {
            _renewing.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _renewing.Dispose();
}
