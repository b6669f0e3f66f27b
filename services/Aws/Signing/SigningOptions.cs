namespace Testbed.Aws.Signing;

/// <summary>Signature V4 variations: path normalisation, the x-amz-content-sha256 header, and where the session token goes.</summary>
/// <param name="NormalizePath">Resolve "." and ".." segments and drop empty ones; every service but S3 wants this.</param>
/// <param name="AddContentHashHeader">Send and sign x-amz-content-sha256 (S3 requires it).</param>
/// <param name="SignSessionToken">Sign x-amz-security-token; when false it is added after signing.</param>
public sealed record SigningOptions(bool NormalizePath = true, bool AddContentHashHeader = false, bool SignSessionToken = true)
{
    /// <summary>The options every JSON-protocol service (Kinesis, DynamoDB) uses.</summary>
    public static SigningOptions Default { get; } = new();
}
