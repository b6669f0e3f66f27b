using System.Text;
using System.Text.Json;

namespace Testbed.Ingestion.Parsing;

/// <summary>Turns a request body into JSON elements: one document, a JSON array, or NDJSON lines; malformed JSON is reported with its position.</summary>
public static class BodyParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // A key given twice would be read as its last value here and break the items table's map later: refuse it.
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    /// <summary>Parses one JSON document; on failure returns null and a message with line and byte position.</summary>
    public static JsonDocument? ParseDocument(ReadOnlyMemory<byte> body, out string? error) => Parse(body, lineOffset: 0, out error);

    /// <summary>Parses NDJSON: one document per non-empty line.</summary>
    public static List<JsonDocument>? ParseLines(ReadOnlyMemory<byte> body, out string? error)
    {
        var documents = new List<JsonDocument>();
        var text = body.Span;
        var line = 0;
        while (!text.IsEmpty)
        {
            var end = text.IndexOf((byte)'\n');
            var current = end < 0 ? text : text[..end];
            text = end < 0 ? [] : text[(end + 1)..];
            line++;
            if (IsBlank(current))
            {
                continue;
            }

            var parsed = Parse(current.ToArray(), line - 1, out error);
            if (parsed is null)
            {
                foreach (var document in documents)
                {
                    document.Dispose();
                }

                return null;
            }

            documents.Add(parsed);
        }

        error = null;
        return documents;
    }

    private static JsonDocument? Parse(ReadOnlyMemory<byte> json, long lineOffset, out string? error)
    {
        try
        {
            return Readable(JsonDocument.Parse(json, Options), lineOffset, out error);
        }
        catch (JsonException e)
        {
            error = Malformed(e, lineOffset);
            return null;
        }
        catch (InvalidOperationException)
        {
            // The duplicate-key check reads every key as text: a key with a lone surrogate fails there, not as malformed JSON.
            error = NotUnicode(lineOffset, "$");
            return null;
        }
    }

    // The parser checks structure only: a string holding bytes that are not UTF-8, or an escaped lone surrogate, passes it and
    // fails only when read as text, after the event was accepted. Reading every string and key once finds it first.
    private static JsonDocument? Readable(JsonDocument document, long lineOffset, out string? error)
    {
        var path = UnreadableText(document.RootElement, "$");
        if (path is null)
        {
            error = null;
            return document;
        }

        document.Dispose();
        error = NotUnicode(lineOffset, path);
        return null;
    }

    private static string NotUnicode(long lineOffset, string path) =>
        $"Not valid Unicode at line {lineOffset + 1}, {path}: a string or key holds bytes that are not UTF-8 or a lone surrogate (\\uD800-\\uDFFF).";

    private static string? UnreadableText(JsonElement element, string path)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = StrictUtf8.GetByteCount(element.GetString()!);
                    return null;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        if (UnreadableText(item, $"{path}[{index++}]") is { } inner)
                        {
                            return inner;
                        }
                    }

                    return null;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        _ = StrictUtf8.GetByteCount(property.Name);
                        if (UnreadableText(property.Value, $"{path}.{property.Name}") is { } inner)
                        {
                            return inner;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return path;
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Malformed(JsonException e, long lineOffset)
    {
        var line = (e.LineNumber ?? 0) + 1 + lineOffset;
        var position = (e.BytePositionInLine ?? 0) + 1;
        var reason = e.Message;
        var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return new StringBuilder("Malformed JSON at line ").Append(line).Append(", byte ").Append(position).Append(": ")
            .Append(cut > 0 ? reason[..cut].TrimEnd('.', ' ') : reason).Append('.').ToString();
    }
}
