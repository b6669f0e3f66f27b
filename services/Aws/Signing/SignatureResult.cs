namespace Testbed.Aws.Signing;

/// <summary>What signing produced: the intermediate strings (for diagnosis and tests) and the headers to send.</summary>
/// <param name="CanonicalRequest">The canonical request that was hashed.</param>
/// <param name="StringToSign">The string to sign.</param>
/// <param name="Signature">The lower-case hex signature.</param>
/// <param name="HeadersToAdd">Headers the request must carry: x-amz-date, Authorization, and token or content hash where used.</param>
public sealed record SignatureResult(
    string CanonicalRequest,
    string StringToSign,
    string Signature,
    IReadOnlyList<KeyValuePair<string, string>> HeadersToAdd)
{
    /// <summary>The Authorization header's value.</summary>
    public string Authorization => HeadersToAdd.Single(h => h.Key == SigV4Signer.AuthorizationHeader).Value;
}
