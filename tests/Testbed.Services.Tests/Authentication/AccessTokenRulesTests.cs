using System.Security.Claims;
using Testbed.ServiceDefaults.Authentication;

namespace Testbed.Services.Tests.Authentication;

/// <summary>The audience and scope rules on the claims a Cognito user pool's access token has (no aud; client_id; scope "testbed/events:read …") and on the local issuer's.</summary>
public sealed class AccessTokenRulesTests
{
    [Fact]
    public void A_Cognito_access_token_without_aud_is_for_the_audience_its_client_id_names()
    {
        Assert.True(AccessTokenRules.IsForAudience([], "3n4b5urk1ft4fl3mg5e62d9ado", "3n4b5urk1ft4fl3mg5e62d9ado"));
        Assert.False(AccessTokenRules.IsForAudience([], "another-app-client", "3n4b5urk1ft4fl3mg5e62d9ado"));
        Assert.False(AccessTokenRules.IsForAudience([], null, "testbed"));
    }

    [Fact]
    public void A_token_with_aud_is_judged_by_its_aud_alone()
    {
        Assert.True(AccessTokenRules.IsForAudience(["other", "testbed"], "someone", "testbed"));
        // A client_id equal to the audience does not make up for an aud that names someone else.
        Assert.False(AccessTokenRules.IsForAudience(["another-api"], "testbed", "testbed"));
    }

    [Theory]
    [InlineData("testbed/events:read testbed/events:write", "events:read", true)]
    [InlineData("testbed/events:read testbed/events:write", "events:write", true)]
    [InlineData("testbed/events:read", "events:write", false)]
    [InlineData("events:read events:write", "events:write", true)]
    [InlineData("events:read", "events:write", false)]
    [InlineData("testbed/events:readonly", "events:read", false)]
    [InlineData("myevents:read", "events:read", false)]
    [InlineData("/events:read", "events:read", false)]
    [InlineData("", "events:read", false)]
    public void A_scope_is_granted_by_its_name_or_a_resource_servers_name_for_it(string scope, string required, bool granted)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("scope", scope), new Claim("client_id", "testbed")], "Bearer"));

        Assert.Equal(granted, AccessTokenRules.HasScope(user, required));
    }

    [Fact]
    public void The_scopes_of_a_token_are_its_scope_claims_split_at_spaces()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("scope", "testbed/events:read  testbed/events:write"), new Claim("scope", "openid")], "Bearer"));

        Assert.Equal(["testbed/events:read", "testbed/events:write", "openid"], AccessTokenRules.ScopesOf(user));
    }
}
