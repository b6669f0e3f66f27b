namespace Testbed.Web.Account;

/// <summary>The claims of the front's sign-in cookie.</summary>
public static class FrontClaims
{
    /// <summary>The access token the calls to the Api and the ingestion carry.</summary>
    public const string AccessToken = "access_token";

    /// <summary>The scopes the token grants, space-separated.</summary>
    public const string Scope = "scope";

    /// <summary>The name shown for the local development identity.</summary>
    public const string DevelopmentIdentity = "developer";
}
