namespace Testbed.Web.Account;

/// <summary>An access token the issuer granted, with its scopes and when it expires.</summary>
public sealed record AccessToken(string Value, string Scope, DateTimeOffset ExpiresAt);
