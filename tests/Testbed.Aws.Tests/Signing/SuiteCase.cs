using System.Text.Json;
using Testbed.Aws.Signing;

namespace Testbed.Aws.Tests.Signing;

/// <summary>One case of AWS's Signature V4 test suite, read from its files.</summary>
public sealed record SuiteCase(
    string Name,
    SigningRequest Request,
    SigningCredentials Credentials,
    SigningScope Scope,
    DateTimeOffset Time,
    SigningOptions Options,
    string ExpectedCanonicalRequest,
    string ExpectedStringToSign,
    string ExpectedSignature)
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Signing", "SuiteData");

    public static IEnumerable<string> Names() =>
        Directory.EnumerateDirectories(Folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static SuiteCase Load(string name)
    {
        var dir = Path.Combine(Folder, name);
        string Read(string file) => File.ReadAllText(Path.Combine(dir, file));

        using var context = JsonDocument.Parse(Read("context.json"));
        var root = context.RootElement;
        var credentials = root.GetProperty("credentials");
        var signBody = root.GetProperty("sign_body").GetBoolean();
        var omitToken = root.TryGetProperty("omit_session_token", out var omit) && omit.GetBoolean();

        var (method, path, query, headers, body) = ParseRequest(Read("request.txt"));
        return new SuiteCase(
            name,
            new SigningRequest(method, path, query, headers, SigV4Signer.HashPayload(body)),
            new SigningCredentials(
                credentials.GetProperty("access_key_id").GetString()!,
                credentials.GetProperty("secret_access_key").GetString()!,
                credentials.TryGetProperty("token", out var token) ? token.GetString() : null),
            new SigningScope(root.GetProperty("region").GetString()!, root.GetProperty("service").GetString()!),
            DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            new SigningOptions(NormalizePath: root.GetProperty("normalize").GetBoolean(), AddContentHashHeader: signBody, SignSessionToken: !omitToken),
            Read("header-canonical-request.txt"),
            Read("header-string-to-sign.txt"),
            Read("header-signature.txt").Trim());
    }

    private static (string Method, string Path, string Query, List<KeyValuePair<string, string>> Headers, byte[] Body) ParseRequest(string text)
    {
        var lines = text.Split('\n');
        var requestLine = lines[0];
        var method = requestLine[..requestLine.IndexOf(' ', StringComparison.Ordinal)];
        var target = requestLine[(method.Length + 1)..requestLine.LastIndexOf(" HTTP/", StringComparison.Ordinal)];
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? string.Empty : target[(question + 1)..];

        var headers = new List<KeyValuePair<string, string>>();
        var index = 1;
        for (; index < lines.Length && lines[index].Length > 0; index++)
        {
            var line = lines[index];
            if (char.IsWhiteSpace(line[0]))
            {
                // A folded continuation line belongs to the previous header's value.
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + "\n" + line);
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 1)..]));
        }

        var body = index + 1 < lines.Length ? string.Join('\n', lines[(index + 1)..]) : string.Empty;
        return (method, path, query, headers, System.Text.Encoding.UTF8.GetBytes(body));
    }
}
