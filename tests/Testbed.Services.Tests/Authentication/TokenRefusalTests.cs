using Microsoft.IdentityModel.Tokens;
using Testbed.ServiceDefaults.Authentication;

namespace Testbed.Services.Tests.Authentication;

/// <summary>Each way a token is refused is named, with what to do about it.</summary>
public sealed class TokenRefusalTests
{
    private static readonly TokenAuthenticationOptions Options = new() { Issuer = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf/", Audience = "testbed" };
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void No_token_says_where_to_get_one()
    {
        var refusal = TokenRefusal.Of(null, Options, "https://testbed.auth.eu-west-1.amazoncognito.com/oauth2/token", Now);

        Assert.Equal("missing", refusal.Reason);
        Assert.Contains("https://testbed.auth.eu-west-1.amazoncognito.com/oauth2/token", refusal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_metadata_it_points_at_the_issuers_discovery_document()
    {
        var refusal = TokenRefusal.Of(null, Options, null, Now);

        Assert.Contains("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf/.well-known/openid-configuration", refusal.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expired_token_says_when_it_expired()
    {
        var refusal = TokenRefusal.Of(new SecurityTokenExpiredException("IDX10223") { Expires = Now.AddSeconds(-90).UtcDateTime }, Options, null, Now);

        Assert.Equal("expired", refusal.Reason);
        Assert.Contains("expired at 2026-11-28T09:58:30Z (90 s ago; 30 s of clock skew allowed)", refusal.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(SecurityTokenInvalidSignatureException), "signature")]
    [InlineData(typeof(SecurityTokenSignatureKeyNotFoundException), "signature")]
    [InlineData(typeof(SecurityTokenInvalidAudienceException), "audience")]
    [InlineData(typeof(SecurityTokenInvalidIssuerException), "issuer")]
    [InlineData(typeof(SecurityTokenMalformedException), "malformed")]
    [InlineData(typeof(SecurityTokenNotYetValidException), "not-yet-valid")]
    [InlineData(typeof(SecurityTokenDecryptionFailedException), "invalid")]
    public void Each_validation_failure_has_its_reason(Type failure, string reason)
    {
        var refusal = TokenRefusal.Of((Exception)Activator.CreateInstance(failure, "IDX")!, Options, null, Now);

        Assert.Equal(reason, refusal.Reason);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Detail));
    }
}
