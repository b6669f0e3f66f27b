namespace Testbed.Identity.Clients;

/// <summary>One OAuth client of the issuer: its secret and the scopes it may be given.</summary>
public sealed class ClientOptions
{
    /// <summary>The client secret, sent by HTTP Basic or as the form's client_secret.</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>The scopes the client may ask for, space-separated; asking for none gives all of them, as Cognito does.</summary>
    public string Scopes { get; set; } = string.Empty;

    /// <summary>The allowed scopes as a list.</summary>
    public IReadOnlyList<string> AllowedScopes => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
