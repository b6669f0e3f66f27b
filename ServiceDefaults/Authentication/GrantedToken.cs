namespace Testbed.ServiceDefaults.Authentication;

/// <summary>An access token a token endpoint granted: the token, how long it lasts, and the scopes it grants (space-separated).</summary>
public sealed record GrantedToken(string Token, TimeSpan Lifetime, string Scope);
