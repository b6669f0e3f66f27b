using System.Text;

namespace Testbed.Pipeline.Tests.Fuzzing;

/// <summary>One generated request, the input class it belongs to, and what a correct service answers.</summary>
/// <param name="Class">The input class, for the failure report.</param>
/// <param name="Kind">What a 2xx answer writes.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Url">The relative URL, already escaped.</param>
/// <param name="Body">The body bytes, or null for none.</param>
/// <param name="ContentType">The Content-Type header sent as it is (unvalidated), or null for none.</param>
/// <param name="Headers">More request headers, sent as they are.</param>
/// <param name="Expect">The answer a correct service gives.</param>
/// <param name="Target">The item id an edit is aimed at.</param>
public sealed record Probe(
    string Class,
    ProbeKind Kind,
    HttpMethod Method,
    string Url,
    byte[]? Body,
    string? ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    Expect Expect,
    string? Target = null)
{
    private const int ShownBodyBytes = 400;

    /// <summary>A probe with no extra headers.</summary>
    public Probe(string @class, ProbeKind kind, HttpMethod method, string url, byte[]? body, string? contentType, Expect expect, string? target = null)
        : this(@class, kind, method, url, body, contentType, [], expect, target)
    {
    }

    /// <summary>The probe as a failure report prints it: the body cut short, bytes that are not UTF-8 shown as escapes.</summary>
    public override string ToString()
    {
        var text = new StringBuilder().Append(Class).Append(": ").Append(Method).Append(' ').Append(Url)
            .Append(" Content-Type: ").Append(ContentType ?? "(none)");
        foreach (var (name, value) in Headers)
        {
            text.Append(' ').Append(name).Append(": ").Append(value);
        }

        if (Body is not null)
        {
            text.Append(" body (").Append(Body.Length).Append(" bytes): ").Append(Show(Body.AsSpan(0, Math.Min(Body.Length, ShownBodyBytes))));
        }

        return text.Append(" expected ").Append(string.Join('/', Expect.Statuses)).Append(Expect.Field is null ? string.Empty : $" naming '{Expect.Field}'").ToString();
    }

    private static string Show(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        foreach (var b in bytes)
        {
            text.Append(b is >= 0x20 and < 0x7f ? ((char)b).ToString() : $"\\x{b:x2}");
        }

        return text.ToString();
    }
}
