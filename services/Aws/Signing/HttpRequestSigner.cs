namespace Testbed.Aws.Signing;

/// <summary>Applies a Signature V4 signature to an <see cref="HttpRequestMessage"/> whose body is already in memory.</summary>
public static class HttpRequestSigner
{
    /// <summary>Signs host, content-type and every x-amz-* header of the request, then adds the signature headers.</summary>
    public static SignatureResult Sign(
        HttpRequestMessage request,
        ReadOnlySpan<byte> body,
        SigningCredentials credentials,
        SigningScope scope,
        DateTimeOffset time,
        SigningOptions? options = null)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        var headers = new List<KeyValuePair<string, string>> { new("Host", uri.IsDefaultPort ? uri.Host : uri.Authority) };
        if (request.Content?.Headers.ContentType is { } contentType)
        {
            headers.Add(new("Content-Type", contentType.ToString()));
        }

        foreach (var header in request.Headers)
        {
            if (header.Key.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase))
            {
                headers.AddRange(header.Value.Select(v => new KeyValuePair<string, string>(header.Key, v)));
            }
        }

        var signing = new SigningRequest(
            request.Method.Method,
            uri.AbsolutePath,
            uri.Query.TrimStart('?'),
            headers,
            SigV4Signer.HashPayload(body));
        var result = SigV4Signer.Sign(signing, credentials, scope, time, options);
        foreach (var header in result.HeadersToAdd)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return result;
    }
}
