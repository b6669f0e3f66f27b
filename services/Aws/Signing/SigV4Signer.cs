using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Testbed.Aws.Signing;

/// <summary>AWS Signature Version 4 (header form), as AWS's published test suite and services verify it.</summary>
public static class SigV4Signer
{
    /// <summary>The signing algorithm's name as it appears in the Authorization header.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The Authorization header's name.</summary>
    public const string AuthorizationHeader = "Authorization";

    /// <summary>The header that carries the signing time.</summary>
    public const string DateHeader = "X-Amz-Date";

    /// <summary>The header that carries a temporary credential's session token.</summary>
    public const string SecurityTokenHeader = "X-Amz-Security-Token";

    /// <summary>The header that carries the payload hash.</summary>
    public const string ContentHashHeader = "X-Amz-Content-SHA256";

    /// <summary>Signs the request and returns the headers to add to it.</summary>
    public static SignatureResult Sign(
        SigningRequest request,
        SigningCredentials credentials,
        SigningScope scope,
        DateTimeOffset time,
        SigningOptions? options = null)
    {
        options ??= SigningOptions.Default;
        var utc = time.UtcDateTime;
        var amzDate = utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = utc.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

        var added = new List<KeyValuePair<string, string>> { new(DateHeader, amzDate) };
        if (options.AddContentHashHeader)
        {
            added.Add(new(ContentHashHeader, request.PayloadHash));
        }

        var tokenSigned = credentials.SessionToken is not null && options.SignSessionToken;
        if (tokenSigned)
        {
            added.Add(new(SecurityTokenHeader, credentials.SessionToken!));
        }

        var (canonicalHeaders, signedHeaders) = CanonicalHeaders(request.Headers.Concat(added));
        var canonicalRequest = string.Join('\n',
            request.Method.ToUpperInvariant(),
            CanonicalPath(request.Path, options.NormalizePath),
            CanonicalQuery(request.Query),
            canonicalHeaders,
            signedHeaders,
            request.PayloadHash);

        var credentialScope = $"{date}/{scope.Region}/{scope.Service}/aws4_request";
        var stringToSign = string.Join('\n',
            Algorithm,
            amzDate,
            credentialScope,
            Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var key = SigningKey(credentials.SecretAccessKey, date, scope);
        var signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

        added.Add(new(AuthorizationHeader,
            $"{Algorithm} Credential={credentials.AccessKeyId}/{credentialScope}, SignedHeaders={signedHeaders}, Signature={signature}"));
        if (credentials.SessionToken is not null && !tokenSigned)
        {
            added.Add(new(SecurityTokenHeader, credentials.SessionToken));
        }

        return new SignatureResult(canonicalRequest, stringToSign, signature, added);
    }

    /// <summary>Lower-case hex SHA-256 of a payload, as the canonical request wants it.</summary>
    public static string HashPayload(ReadOnlySpan<byte> payload) => Hex(SHA256.HashData(payload));

    /// <summary>RFC 3986 percent-encoding of everything but the unreserved characters, with upper-case hex.</summary>
    public static string UriEncode(string value, bool keepSlash = false)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' || (keepSlash && c == '/'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static byte[] SigningKey(string secret, string date, SigningScope scope)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(scope.Region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(scope.Service));
        return HMACSHA256.HashData(key, "aws4_request"u8.ToArray());
    }

    private static string CanonicalPath(string path, bool normalize)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "/";
        }

        return UriEncode(normalize ? NormalizePath(path) : path, keepSlash: true);
    }

    private static string NormalizePath(string path)
    {
        var kept = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (kept.Count > 0)
                {
                    kept.RemoveAt(kept.Count - 1);
                }

                continue;
            }

            kept.Add(segment);
        }

        var normalized = "/" + string.Join('/', kept);
        return kept.Count > 0 && path.EndsWith('/') ? normalized + "/" : normalized;
    }

    private static string CanonicalQuery(string query)
    {
        if (string.IsNullOrEmpty(query))
        {
            return string.Empty;
        }

        var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(part =>
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? part : part[..equals];
                var value = equals < 0 ? string.Empty : part[(equals + 1)..];
                return (Name: UriEncode(Uri.UnescapeDataString(name)), Value: UriEncode(Uri.UnescapeDataString(value)));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Name}={p.Value}"));
    }

    private static (string Canonical, string Signed) CanonicalHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        // Repeated names are joined with commas in request order; names sort ordinally.
        var grouped = headers
            .GroupBy(h => h.Key.Trim().ToLowerInvariant())
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Value: string.Join(',', g.Select(h => CollapseWhitespace(h.Value)))))
            .ToList();
        var canonical = string.Concat(grouped.Select(h => $"{h.Name}:{h.Value}\n"));
        return (canonical, string.Join(';', grouped.Select(h => h.Name)));
    }

    private static string CollapseWhitespace(string value)
    {
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
