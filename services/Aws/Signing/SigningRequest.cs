namespace Testbed.Aws.Signing;

/// <summary>The parts of an HTTP request that Signature V4 covers.</summary>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The path as it goes on the wire; the signer URI-encodes it once more, as AWS does for every service but S3.</param>
/// <param name="Query">The query string without its leading '?', possibly empty.</param>
/// <param name="Headers">The headers to sign, in request order; a name may repeat.</param>
/// <param name="PayloadHash">Lower-case hex SHA-256 of the body.</param>
public sealed record SigningRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string PayloadHash);
