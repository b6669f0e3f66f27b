using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Testbed.ServiceDefaults.Authentication;

namespace Testbed.Web.Account;

/// <summary>POST /account/signin (the sign-in page's form) and POST /account/signout.</summary>
public static class SignInEndpoints
{
    /// <summary>Maps the sign-in and sign-out form endpoints.</summary>
    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/signin", SignInAsync);
        // A cast: a handler of HttpContext alone would otherwise bind as a RequestDelegate and drop its result.
        app.MapPost("/account/signout", (Delegate)SignOutAsync);
        return app;
    }

    /// <summary>Gets a token for the chosen access from the issuer and keeps it in the sign-in cookie; back to the sign-in page with the reason when the issuer refuses.</summary>
    public static async Task<IResult> SignInAsync(
        [FromForm] string? access,
        [FromForm] string? returnUrl,
        HttpContext context,
        TokenClient tokens,
        CancellationToken cancellationToken)
    {
        var back = LocalOnly(returnUrl);
        string[] scopes = access == "read" ? [AccessScopes.Read] : [AccessScopes.Read, AccessScopes.Write];
        AccessToken token;
        try
        {
            token = await tokens.RequestAsync(scopes, cancellationToken).ConfigureAwait(false);
        }
        catch (SignInException e)
        {
            return TypedResults.LocalRedirect($"/signin?error={Uri.EscapeDataString(e.Message)}&returnUrl={Uri.EscapeDataString(back)}");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, FrontClaims.DevelopmentIdentity),
                new Claim(FrontClaims.Scope, token.Scope),
                new Claim(FrontClaims.AccessToken, token.Value),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(identity),
            new AuthenticationProperties { ExpiresUtc = token.ExpiresAt, IsPersistent = false }).ConfigureAwait(false);
        return TypedResults.LocalRedirect(back);
    }

    /// <summary>Forgets the token and goes back to the sign-in page.</summary>
    public static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        return TypedResults.LocalRedirect("/signin");
    }

    // Only paths of this site: an absolute returnUrl would make the sign-in an open redirect.
    private static string LocalOnly(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
