using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Testbed.ServiceDefaults.Authentication;

/// <summary>A JWT handler that remembers each token it found valid until the token expires, so a caller sending one token with every request pays the RSA check once, as API gateways cache an authorizer's answer.</summary>
/// <remarks>Only valid tokens are remembered, never past their exp; a refused token is checked again each time. A remembered token stays accepted if the issuer rotates its key before the token expires.</remarks>
public sealed class ValidatedTokenCache(TimeProvider time) : JsonWebTokenHandler
{
    // Enough for every client of a test stack many times over; past it the cache starts again rather than grow without bound.
    private const int MaxTokens = 4096;

    private readonly ConcurrentDictionary<string, TokenValidationResult> _valid = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (_valid.TryGetValue(token, out var known))
        {
            if (known.SecurityToken.ValidTo > time.GetUtcNow().UtcDateTime)
            {
                // Each request gets its own identity: the framework and the events may add to it.
                return new TokenValidationResult
                {
                    IsValid = true,
                    SecurityToken = known.SecurityToken,
                    ClaimsIdentity = known.ClaimsIdentity.Clone(),
                    Issuer = known.Issuer,
                    TokenType = known.TokenType,
                };
            }

            _valid.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters).ConfigureAwait(false);
        if (result.IsValid && result.SecurityToken is { } checkedToken && checkedToken.ValidTo > time.GetUtcNow().UtcDateTime)
        {
            if (_valid.Count >= MaxTokens)
            {
                _valid.Clear();
            }

            _valid[token] = result;
        }

        return result;
    }
}
