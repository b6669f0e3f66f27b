namespace Testbed.Aws.Signing;

/// <summary>The key pair (and optional session token) a request is signed with.</summary>
public sealed record SigningCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null);
