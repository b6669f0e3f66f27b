using System.Security.Claims;

namespace Testbed.ServiceDefaults.Authentication;

/// <summary>The audience and scope rules, shaped so a Cognito access token (no aud; client_id; scope "testbed/events:read …") passes as the local issuer's does.</summary>
public static class AccessTokenRules
{
    /// <summary>The claim naming the OAuth client a token was issued to.</summary>
    public const string ClientIdClaim = "client_id";

    /// <summary>The claim holding the granted scopes, space-separated.</summary>
    public const string ScopeClaim = "scope";

    /// <summary>Cognito's claim telling an access token from an ID token.</summary>
    public const string TokenUseClaim = "token_use";

    /// <summary>A token is for <paramref name="audience"/> when its aud holds it, or when it has no aud and its client_id is it.</summary>
    public static bool IsForAudience(IEnumerable<string> audiences, string? clientId, string audience)
    {
        var list = audiences.Where(a => !string.IsNullOrEmpty(a)).ToList();
        return list.Count > 0 ? list.Contains(audience, StringComparer.Ordinal) : string.Equals(clientId, audience, StringComparison.Ordinal);
    }

    /// <summary>Whether a granted scope gives <paramref name="required"/>: the same name, or a resource server's name for it ("testbed/events:read").</summary>
    public static bool Grants(string granted, string required) =>
        string.Equals(granted, required, StringComparison.Ordinal)
        || (granted.Length > required.Length + 1 && granted.EndsWith("/" + required, StringComparison.Ordinal));

    /// <summary>Every scope the principal's token grants (each scope claim split at spaces).</summary>
    public static IReadOnlyList<string> ScopesOf(ClaimsPrincipal user) =>
        [.. user.FindAll(ScopeClaim).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal)];

    /// <summary>Whether the principal's token grants <paramref name="required"/>.</summary>
    public static bool HasScope(ClaimsPrincipal user, string required) => ScopesOf(user).Any(s => Grants(s, required));
}
