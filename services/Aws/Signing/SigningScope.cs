namespace Testbed.Aws.Signing;

/// <summary>The region and service name that a signature is valid for.</summary>
public sealed record SigningScope(string Region, string Service);
