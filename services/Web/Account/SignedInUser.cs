using Microsoft.AspNetCore.Components.Authorization;

namespace Testbed.Web.Account;

/// <summary>The person of this circuit or request: their access token and scopes, read from the sign-in cookie.</summary>
public sealed class SignedInUser(AuthenticationStateProvider authentication)
{
    /// <summary>The access token to send, or null when nobody is signed in.</summary>
    public async Task<string?> AccessTokenAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync().ConfigureAwait(false);
        return state.User.FindFirst(FrontClaims.AccessToken)?.Value;
    }

    /// <summary>Whether the token grants the scope (exactly, or after a resource server's prefix as on Cognito).</summary>
    public async Task<bool> HasScopeAsync(string scope)
    {
        var state = await authentication.GetAuthenticationStateAsync().ConfigureAwait(false);
        var granted = state.User.FindFirst(FrontClaims.Scope)?.Value ?? string.Empty;
        return granted.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(s => s == scope || s.EndsWith("/" + scope, StringComparison.Ordinal));
    }
}
