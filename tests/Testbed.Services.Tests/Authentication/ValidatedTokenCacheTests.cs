using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Testbed.ServiceDefaults.Authentication;

namespace Testbed.Services.Tests.Authentication;

/// <summary>A token found valid is not checked again until it expires; a refused token is checked every time.</summary>
public sealed class ValidatedTokenCacheTests : IDisposable
{
    private const string Issuer = "https://issuer.test";
    private readonly RSA _trusted = RSA.Create(2048);
    private readonly RSA _other = RSA.Create(2048);
    private readonly SettableClock _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_valid_token_is_accepted_again_without_its_signature_being_checked_until_it_expires()
    {
        var cache = new ValidatedTokenCache(_clock);
        var token = Token(expires: _clock.GetUtcNow().AddMinutes(10));

        var first = await cache.ValidateTokenAsync(token, Parameters(_trusted));
        // The second call's parameters trust another key: only a remembered answer can accept the token.
        var second = await cache.ValidateTokenAsync(token, Parameters(_other));

        Assert.True(first.IsValid, first.Exception?.Message);
        Assert.True(second.IsValid);
        Assert.Equal("testbed", second.ClaimsIdentity.FindFirst("client_id")?.Value);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);

        _clock.Now = _clock.GetUtcNow().AddMinutes(11);
        var expired = await cache.ValidateTokenAsync(token, Parameters(_other));

        Assert.False(expired.IsValid);
    }

    [Fact]
    public async Task A_refused_token_is_checked_again_each_time()
    {
        var cache = new ValidatedTokenCache(_clock);
        var token = Token(expires: _clock.GetUtcNow().AddMinutes(10));

        var refused = await cache.ValidateTokenAsync(token, Parameters(_other));
        var accepted = await cache.ValidateTokenAsync(token, Parameters(_trusted));
        var refusedAgain = await cache.ValidateTokenAsync(Token(expires: _clock.GetUtcNow().AddMinutes(10), key: _other), Parameters(_trusted));

        Assert.False(refused.IsValid);
        Assert.True(accepted.IsValid, accepted.Exception?.Message);
        Assert.False(refusedAgain.IsValid);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _trusted.Dispose();
        _other.Dispose();
    }

    private string Token(DateTimeOffset expires, RSA? key = null) => new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        IssuedAt = expires.AddHours(-1).UtcDateTime,
        Expires = expires.UtcDateTime,
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? _trusted) { KeyId = key is null ? "trusted" : "other" }, SecurityAlgorithms.RsaSha256),
        Claims = new Dictionary<string, object> { ["client_id"] = "testbed", ["scope"] = "events:read" },
    });

    private static TokenValidationParameters Parameters(RSA key) => new()
    {
        ValidIssuer = Issuer,
        ValidateAudience = false,
        IssuerSigningKey = new RsaSecurityKey(key),
        ValidateLifetime = true,
    };

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
