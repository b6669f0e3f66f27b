using Microsoft.AspNetCore.Components.Authorization;

namespace Testbed.Web.Account;

/// <summary>The person of this circuit or request: their access token, read from the sign-in cookie.</summary>
public sealed class SignedInUser(AuthenticationStateProvider authentication)
{
    /// <summary>The access token to send, or null when nobody is signed in.</summary>
    public async Task<string?> AccessTokenAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync().ConfigureAwait(false);
        return state.User.FindFirst(FrontClaims.AccessToken)?.Value;
    }
}
